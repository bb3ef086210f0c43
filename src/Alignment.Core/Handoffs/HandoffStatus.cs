namespace Alignment.Core.Handoffs;

/// <summary>
/// The handoff status field. The connector sets <c>Pending</c> (a handoff) and <c>Recycled</c> (unanswered for the
/// recycle window); a rep sets <c>Accepted</c>, <c>Rejected</c> or <c>Recycled</c>, and RevOps may set <c>None</c>.
/// The transitions are <see cref="HandoffLifecycle"/>'s table (docs/handoff-sla.md, "Lifecycle").
/// </summary>
public enum HandoffStatus
{
    None = 0,
    Pending,
    Accepted,
    Recycled,

    /// <summary>Set by a rep, with a reason; the handoff is closed and the SLA clock stops.</summary>
    Rejected,
}
