using System.Collections.Immutable;

namespace Alignment.Core.Sla;

/// <summary>
/// The SLA of one open handoff as of an instant. All instants are UTC. Built by <see cref="SlaClock.Assess"/>.
/// </summary>
public sealed record SlaAssessment
{
    public SlaAssessment(
        SlaStatus status,
        DateTimeOffset handoffAt,
        DateTimeOffset due,
        DateTimeOffset? firstResponseAt,
        TimeSpan? businessResponseTime,
        ImmutableArray<SlaAlertLevel> alertsDue,
        DateTimeOffset atRiskAt,
        DateTimeOffset escalateAt,
        DateTimeOffset recycleAt,
        bool recycle,
        string timeZoneId,
        string? timeZoneProblem = null)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown SLA status.");
        }

        if (due < handoffAt || atRiskAt < handoffAt || atRiskAt > due || escalateAt < due || recycleAt < handoffAt)
        {
            throw new ArgumentException("Expected handoff ≤ at-risk ≤ due ≤ escalation, and handoff ≤ recycle.", nameof(due));
        }

        if (firstResponseAt < handoffAt)
        {
            throw new ArgumentException("A response before the handoff does not answer it.", nameof(firstResponseAt));
        }

        if (status == SlaStatus.Met && !(firstResponseAt <= due))
        {
            throw new ArgumentException("Met needs a first response at or before the due instant.", nameof(status));
        }

        if (businessResponseTime.HasValue != firstResponseAt.HasValue)
        {
            throw new ArgumentException("A response time goes with a first response.", nameof(businessResponseTime));
        }

        if (recycle && firstResponseAt.HasValue)
        {
            throw new ArgumentException("An answered handoff is not recycled.", nameof(recycle));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        Status = status;
        HandoffAt = handoffAt;
        Due = due;
        FirstResponseAt = firstResponseAt;
        BusinessResponseTime = businessResponseTime;
        AlertsDue = alertsDue.IsDefault ? [] : alertsDue;
        AtRiskAt = atRiskAt;
        EscalateAt = escalateAt;
        RecycleAt = recycleAt;
        Recycle = recycle;
        TimeZoneId = timeZoneId;
        TimeZoneProblem = timeZoneProblem;
    }

    public SlaStatus Status { get; }

    public DateTimeOffset HandoffAt { get; }

    /// <summary>The deadline: the given one, or computed from the tier at handoff in the owner's calendar.</summary>
    public DateTimeOffset Due { get; }

    /// <summary>The first SalesTouch at or after the handoff and at or before asOf; null when unanswered.</summary>
    public DateTimeOffset? FirstResponseAt { get; }

    /// <summary>Wall-clock time from handoff to first response.</summary>
    public TimeSpan? ResponseTime => FirstResponseAt - HandoffAt;

    /// <summary>Business time (owner's calendar) from handoff to first response.</summary>
    public TimeSpan? BusinessResponseTime { get; }

    /// <summary>
    /// The alert levels whose condition holds at asOf: <see cref="SlaAlertLevel.AtRisk"/> while at risk,
    /// <see cref="SlaAlertLevel.Breached"/> while breached and unanswered, plus <see cref="SlaAlertLevel.Escalated"/>
    /// from <see cref="EscalateAt"/> on. Send each one not yet sent for <see cref="AlertKeys"/>.
    /// </summary>
    public ImmutableArray<SlaAlertLevel> AlertsDue { get; }

    /// <summary>From this instant on an unanswered handoff is at risk.</summary>
    public DateTimeOffset AtRiskAt { get; }

    /// <summary>From this instant on an unanswered breach escalates.</summary>
    public DateTimeOffset EscalateAt { get; }

    /// <summary>From this instant on an unanswered handoff is recycled to nurture.</summary>
    public DateTimeOffset RecycleAt { get; }

    /// <summary>True when unanswered at asOf and asOf is at or after <see cref="RecycleAt"/>.</summary>
    public bool Recycle { get; }

    /// <summary>The IANA zone of the calendar used.</summary>
    public string TimeZoneId { get; }

    /// <summary>Set when the owner's zone was unknown and the default zone was used instead; names the bad id.</summary>
    public string? TimeZoneProblem { get; }

    /// <summary>The identities of <see cref="AlertsDue"/> for an account.</summary>
    public ImmutableArray<SlaAlertKey> AlertKeys(string accountId) =>
        [.. AlertsDue.Select(level => new SlaAlertKey(accountId, HandoffAt, level))];
}
