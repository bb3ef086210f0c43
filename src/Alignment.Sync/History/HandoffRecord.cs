using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;

namespace Alignment.Sync.History;

/// <summary>
/// One handoff in the history ledger: what was decided (rule, tier, score, instant, due) and how it ended (first
/// response, SLA outcome, status and the rep's feedback). Instants are UTC. Identity: (<see cref="AccountId"/>,
/// <see cref="HandoffAt"/> to the second).
/// </summary>
public sealed record HandoffRecord
{
    public required string AccountId { get; init; }
    public string? AccountName { get; init; }
    public required DateTimeOffset HandoffAt { get; init; }
    public required string Rule { get; init; }

    /// <summary>The effective tier at handoff (<see cref="Tier.None"/>: without tier).</summary>
    public Tier Tier { get; init; }

    public int? Score { get; init; }
    public required DateTimeOffset Due { get; init; }

    /// <summary>The owner's CRM user id (no name, no e-mail).</summary>
    public string? OwnerId { get; init; }

    /// <summary>The owner's IANA time zone at handoff (the SLA calendar's zone); null: the model's default zone.</summary>
    public string? OwnerTimeZone { get; init; }

    public HandoffStatus Status { get; init; } = HandoffStatus.Pending;
    public DateTimeOffset? FirstResponseAt { get; init; }

    /// <summary><see cref="SlaStatus.Met"/> or <see cref="SlaStatus.Breached"/> once settled; null while open.</summary>
    public SlaStatus? Outcome { get; init; }

    /// <summary>The rep's rejection reason, when rejected.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>The rep flagged the tier as wrong.</summary>
    public bool WrongTier { get; init; }

    /// <summary>The run that decided the handoff.</summary>
    public string? RunId { get; init; }

    /// <summary>When the record was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
