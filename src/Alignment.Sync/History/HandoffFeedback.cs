using Alignment.Core.Handoffs;
using Alignment.Core.Sla;

namespace Alignment.Sync.History;

/// <summary>
/// What became of a recorded handoff, as the CRM shows it now: merged into its <see cref="HandoffRecord"/> (the
/// decision fields are left as recorded). Instants are UTC.
/// </summary>
public sealed record HandoffFeedback(
    string AccountId,
    DateTimeOffset HandoffAt,
    HandoffStatus Status,
    DateTimeOffset? FirstResponseAt,
    SlaStatus? Outcome,
    string? RejectionReason,
    bool WrongTier,
    DateTimeOffset UpdatedAt);
