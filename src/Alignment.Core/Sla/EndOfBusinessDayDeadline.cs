using Alignment.Core.Calendar;

namespace Alignment.Core.Sla;

/// <summary>
/// Due at the end of the same business day when handed off during business hours before
/// <see cref="SameDayBefore"/> local time; otherwise at the end of the next business day to open after the handoff
/// (a handoff before opening on a business day is due at that day's end; one after the cut-off, after closing, at
/// a weekend or on a holiday is due at the end of the following business day).
/// </summary>
public sealed record EndOfBusinessDayDeadline : SlaDeadline
{
    public EndOfBusinessDayDeadline(TimeOnly sameDayBefore) => SameDayBefore = sameDayBefore;

    /// <summary>Local wall-clock cut-off (exclusive), e.g. 15:00.</summary>
    public TimeOnly SameDayBefore { get; }

    public override DateTimeOffset DueAt(BusinessCalendar calendar, DateTimeOffset handoffAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = calendar.IntervalAtOrAfter(handoffAt);
        if (day.Open > handoffAt)
        {
            return day.Close;
        }

        // In business hours of `day`.
        return TimeOnly.FromDateTime(calendar.LocalTimeOf(handoffAt)) < SameDayBefore
            ? day.Close
            : calendar.NextBusinessDayAfter(day.Date).Close;
    }
}
