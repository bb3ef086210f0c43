using Alignment.Core.Accounts;
using Alignment.Core.Sla;

namespace Alignment.Core.Handoffs;

/// <summary>
/// Where a handoff is in its life: the status field plus the SLA outcome. Instants are UTC.
/// </summary>
/// <param name="Status">The status field.</param>
/// <param name="HandoffAt">The instant of the latest handoff; null when the account was never handed off.</param>
/// <param name="Due">The SLA due instant of that handoff.</param>
/// <param name="Outcome">The SLA outcome once settled: <see cref="SlaStatus.Met"/> or <see cref="SlaStatus.Breached"/>; null while open (on track or at risk).</param>
/// <param name="FirstResponseAt">The owner's first response to that handoff; null when unanswered.</param>
public sealed record HandoffLifecycleState(
    HandoffStatus Status,
    DateTimeOffset? HandoffAt = null,
    DateTimeOffset? Due = null,
    SlaStatus? Outcome = null,
    DateTimeOffset? FirstResponseAt = null)
{
    /// <summary>Never handed off.</summary>
    public static HandoffLifecycleState Initial { get; } = new(HandoffStatus.None);

    /// <summary>True once the owner answered.</summary>
    public bool Answered => FirstResponseAt is not null;

    /// <summary>The lifecycle state of the connector's fields as the CRM holds them.</summary>
    public static HandoffLifecycleState From(AlignmentState current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new HandoffLifecycleState(
            current.HandoffStatus,
            current.HandoffAt,
            current.SlaDue,
            current.SlaStatus is SlaStatus.Met or SlaStatus.Breached ? current.SlaStatus : null,
            current.FirstResponseAt);
    }
}
