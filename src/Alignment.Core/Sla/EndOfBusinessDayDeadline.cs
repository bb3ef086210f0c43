using Alignment.Core.Calendar;

namespace Alignment.Core.Sla;

/// <summary>
/// Due at the end of the same business day when handed off during business hours before
/// <see cref="SameDayBefore"/> local time; otherwise at the end of the next business day after the handoff's local
/// date (docs/handoff-sla.md, "Deadlines": "else the close of the next business day"). A handoff before opening on a business day is therefore due
/// at the end of the following business day, as is one after the cut-off or after closing; one at a weekend or on a
/// holiday is due at the end of the first business day after it.
/// </summary>
public sealed record EndOfBusinessDayDeadline : SlaDeadline
{
    public EndOfBusinessDayDeadline(TimeOnly sameDayBefore) => SameDayBefore = sameDayBefore;

    /// <summary>Local wall-clock cut-off (exclusive), e.g. 15:00.</summary>
    public TimeOnly SameDayBefore { get; }

    public override DateTimeOffset DueAt(BusinessCalendar calendar, DateTimeOffset handoffAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var date = calendar.LocalDateOf(handoffAt);
        if (calendar.IntervalOn(date) is { } today && today.Contains(handoffAt)
            && TimeOnly.FromDateTime(calendar.LocalTimeOf(handoffAt)) < SameDayBefore)
        {
            return today.Close;
        }

        return calendar.NextBusinessDayAfter(date).Close;
    }
}
