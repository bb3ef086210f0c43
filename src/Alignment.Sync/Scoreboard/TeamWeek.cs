using System.Globalization;
using Alignment.Sync.History;

namespace Alignment.Sync.Scoreboard;

/// <summary>
/// An ISO week in the team's time zone (docs/scoreboard.md): Monday 00:00 local to the next Monday 00:00 local, so a
/// DST week is 167 or 169 hours long.
/// </summary>
public sealed record TeamWeek(IsoWeek Week, TimeZoneInfo Zone)
{
    /// <summary>Monday 00:00 in <see cref="Zone"/>, as an instant.</summary>
    public DateTimeOffset Start => LocalMidnight(DateOnly.FromDateTime(ISOWeek.ToDateTime(Week.Year, Week.Week, DayOfWeek.Monday)));

    /// <summary>The next Monday 00:00 in <see cref="Zone"/> (exclusive).</summary>
    public DateTimeOffset End => LocalMidnight(DateOnly.FromDateTime(ISOWeek.ToDateTime(Week.Year, Week.Week, DayOfWeek.Monday)).AddDays(7));

    /// <summary>The UTC ISO weeks the history ledger files this week's handoffs under (one or two).</summary>
    public IReadOnlyList<IsoWeek> LedgerWeeks => [.. new[] { IsoWeek.Of(Start), IsoWeek.Of(End.AddTicks(-1)) }.Distinct()];

    /// <summary>The team week holding <paramref name="instant"/> (its local date in <paramref name="zone"/>).</summary>
    public static TeamWeek Of(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return new TeamWeek(new IsoWeek(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local)), zone);
    }

    public TeamWeek Previous() => Of(Start.AddDays(-1), Zone);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public override string ToString() => Week.ToString();

    private DateTimeOffset LocalMidnight(DateOnly date)
    {
        // A zone whose clocks skip midnight (a DST change at 00:00) starts that day at the first valid minute.
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
