using Alignment.Core.Accounts;
using Alignment.Core.Tiers;

namespace Alignment.Sync.Alerts;

/// <summary>An SLA alert to deliver. Carries what a person needs to act; rendering is the channel's job.</summary>
public sealed record Alert
{
    /// <summary>Idempotency key: one per (account, handoff instant, level), e.g. <c>001A..:2026-11-20T15:00:00Z:Breached</c>.</summary>
    public required string Key { get; init; }

    public required AlertLevel Level { get; init; }
    public required string AccountId { get; init; }
    public string? AccountName { get; init; }

    /// <summary>Link to the account in the CRM.</summary>
    public Uri? AccountUrl { get; init; }

    public Tier Tier { get; init; }
    public int? Score { get; init; }
    public string? Reasons { get; init; }
    public required string HandoffRule { get; init; }

    /// <summary>UTC.</summary>
    public required DateTimeOffset HandoffAt { get; init; }

    /// <summary>UTC; shown in the owner's time zone.</summary>
    public required DateTimeOffset SlaDue { get; init; }

    public Owner? Owner { get; init; }
}
