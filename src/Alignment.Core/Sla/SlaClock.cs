using System.Collections.Immutable;
using Alignment.Core.Calendar;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;

namespace Alignment.Core.Sla;

/// <summary>
/// Sets deadlines and assesses open handoffs under an <see cref="SlaPolicy"/>. Pure: "now" is the asOf parameter;
/// every instant is UTC; local time is the owner's business calendar. Thread-safe.
/// </summary>
public sealed class SlaClock
{
    public SlaClock(SlaPolicy policy) => Policy = policy ?? throw new ArgumentNullException(nameof(policy));

    public SlaPolicy Policy { get; }

    /// <summary>
    /// The owner's calendar; an unknown zone falls back to the default calendar, and <paramref name="problem"/> names
    /// the bad id.
    /// </summary>
    public BusinessCalendar CalendarFor(string? ownerTimeZone, out string? problem)
    {
        var result = Policy.CalendarFor(ownerTimeZone);
        if (result.IsSuccess)
        {
            problem = null;
            return result.Calendar;
        }

        problem = $"{result.Error} The default time zone '{Policy.DefaultTimeZone}' was used.";
        return Policy.DefaultCalendar;
    }

    /// <summary>The SLA due instant of a handoff at <paramref name="handoffAt"/> with the tier at handoff (null: no tier).</summary>
    public DateTimeOffset DueFor(DateTimeOffset handoffAt, Tier? tier, string? ownerTimeZone) =>
        Policy.DeadlineFor(tier).DueAt(CalendarFor(ownerTimeZone, out _), handoffAt);

    /// <summary>
    /// The SLA of <paramref name="handoff"/> at <paramref name="asOf"/>. The first <see cref="SignalKind.SalesTouch"/>
    /// at or after the handoff and at or before asOf answers it: Met when at or before the due instant. Unanswered:
    /// Breached after the due instant (and stays so when answered late), AtRisk from the at-risk share of the
    /// business-time window on, else OnTrack. Signals after asOf are not yet known and are ignored.
    /// <paramref name="recordedResponseAt"/> is a first response already recorded on the CRM record (the first-response
    /// field); it answers like a SalesTouch at that instant (same rules: at or after the handoff, at or before asOf).
    /// </summary>
    public SlaAssessment Assess(OpenHandoff handoff, ImmutableArray<Signal> signals, string? ownerTimeZone, DateTimeOffset asOf, DateTimeOffset? recordedResponseAt = null)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var calendar = CalendarFor(ownerTimeZone, out var problem);
        var handoffAt = handoff.HandoffAt;
        var due = handoff.Due ?? Policy.DeadlineFor(handoff.TierAtHandoff).DueAt(calendar, handoffAt);

        DateTimeOffset? response = recordedResponseAt is { } recorded && recorded >= handoffAt && recorded <= asOf ? recorded : null;
        foreach (var signal in signals.IsDefault ? [] : signals)
        {
            if (signal.Kind == SignalKind.SalesTouch && signal.At >= handoffAt && signal.At <= asOf
                && (response is null || signal.At < response))
            {
                response = signal.At;
            }
        }

        var window = calendar.BusinessTimeBetween(handoffAt, due);
        var atRiskAt = window > TimeSpan.Zero
            ? Min(calendar.AddBusinessTime(handoffAt, TimeSpan.FromTicks((long)Math.Ceiling(window.Ticks * Policy.AtRiskShare))), due)
            : handoffAt;
        var escalateAt = Policy.EscalateAfter > TimeSpan.Zero ? calendar.AddBusinessTime(due, Policy.EscalateAfter) : due;
        var recycleAt = calendar.NthBusinessDayAfter(calendar.LocalDateOf(handoffAt), Policy.RecycleAfterBusinessDays).Close;

        var status = response is { } answered && answered <= due ? SlaStatus.Met
            : asOf > due ? SlaStatus.Breached
            : asOf >= atRiskAt ? SlaStatus.AtRisk
            : SlaStatus.OnTrack;

        var alerts = ImmutableArray<SlaAlertLevel>.Empty;
        if (response is null)
        {
            alerts = status switch
            {
                SlaStatus.AtRisk => [SlaAlertLevel.AtRisk],
                SlaStatus.Breached when asOf >= escalateAt => [SlaAlertLevel.Breached, SlaAlertLevel.Escalated],
                SlaStatus.Breached => [SlaAlertLevel.Breached],
                _ => [],
            };
        }

        return new SlaAssessment(
            status,
            handoffAt,
            due,
            response,
            response is { } r ? calendar.BusinessTimeBetween(handoffAt, r) : null,
            alerts,
            atRiskAt,
            escalateAt,
            recycleAt,
            recycle: response is null && asOf >= recycleAt,
            calendar.TimeZoneId,
            problem);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
