using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;

namespace Alignment.Core.Accounts;

/// <summary>
/// The values of the connector's own fields on an account, as the CRM holds them now (read) or as the connector
/// wants them (to write). Instants are UTC. Null means "empty" in the CRM.
/// </summary>
public sealed record AlignmentState
{
    public static AlignmentState Empty { get; } = new();

    public int? Score { get; init; }
    public int? Fit { get; init; }
    public int? Intent { get; init; }
    public int? Engagement { get; init; }
    public Tier Tier { get; init; } = Tier.None;

    /// <summary>Set by a human; the connector never changes the tier of a locked account, nor this flag.</summary>
    public bool TierLocked { get; init; }

    public string? Reasons { get; init; }
    public string? ModelVersion { get; init; }
    public DateTimeOffset? ScoredAt { get; init; }
    public HandoffStatus HandoffStatus { get; init; } = HandoffStatus.None;
    public string? HandoffRule { get; init; }
    public DateTimeOffset? HandoffAt { get; init; }

    /// <summary>The tier at handoff (snapshot input; not a CRM field of its own).</summary>
    public Tier? HandoffTier { get; init; }

    public DateTimeOffset? SlaDue { get; init; }
    public SlaStatus? SlaStatus { get; init; }
    public DateTimeOffset? FirstResponseAt { get; init; }

    /// <summary>
    /// Set by the rep with a <c>Rejected</c> handoff: why (one of <see cref="RejectionReasons.All"/>). The connector only
    /// reads it (docs/handoff-sla.md, "Sales feedback").
    /// </summary>
    public string? RejectionReason { get; init; }

    /// <summary>Set by the rep who disagrees with the tier; the connector only reads it and queues the account for the weekly review.</summary>
    public bool WrongTier { get; init; }

    /// <summary>
    /// Set by a person in the weekly tier review: when the tier was last confirmed. The connector only reads it
    /// (docs/scoreboard.md, "Tier review").
    /// </summary>
    public DateTimeOffset? TierConfirmedAt { get; init; }

    /// <summary>
    /// Written by the connector: the account is on the weekly tier review's list (<see cref="Tiers.TierReview.IsDue"/>).
    /// </summary>
    public bool ReviewDue { get; init; }
}
