using Alignment.Core.Calendar;

namespace Alignment.Core.Sla;

/// <summary>Due after <see cref="BusinessTime"/> of business time; the clock starts at the next opening when handed off outside hours.</summary>
public sealed record BusinessHoursDeadline : SlaDeadline
{
    public BusinessHoursDeadline(TimeSpan businessTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(businessTime, TimeSpan.Zero);
        BusinessTime = businessTime;
    }

    /// <summary>Positive business time.</summary>
    public TimeSpan BusinessTime { get; }

    public override DateTimeOffset DueAt(BusinessCalendar calendar, DateTimeOffset handoffAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddBusinessTime(handoffAt, BusinessTime);
    }
}
