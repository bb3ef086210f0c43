using System.Globalization;

namespace Alignment.Sync.History;

/// <summary>An ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday), of UTC instants.</summary>
public readonly record struct IsoWeek
{
    public IsoWeek(int year, int week)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(week, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(week, ISOWeek.GetWeeksInYear(year));
        Year = year;
        Week = week;
    }

    public int Year { get; }

    public int Week { get; }

    /// <summary>Monday 00:00 UTC of the week.</summary>
    public DateTimeOffset Start => new(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday), TimeSpan.Zero);

    /// <summary>The week holding <paramref name="instant"/> (its UTC date).</summary>
    public static IsoWeek Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new IsoWeek(ISOWeek.GetYear(utc), ISOWeek.GetWeekOfYear(utc));
    }

    /// <summary>Parses <c>2026-W47</c>; null when malformed or out of range.</summary>
    public static IsoWeek? TryParse(string? text)
    {
        if (text is not { Length: 8 } || text[4] != '-' || text[5] != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return null;
        }

        return new IsoWeek(year, week);
    }

    /// <summary>E.g. <c>2026-W47</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
