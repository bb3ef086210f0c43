using Alignment.Core.Tiers;

namespace Alignment.Sync.Alerts;

/// <summary>An account whose written tier moved upward across a reported boundary in a run.</summary>
/// <param name="AccountId">The CRM id.</param>
/// <param name="AccountName">The account's name, when known.</param>
/// <param name="AccountUrl">Link to the record in the CRM.</param>
/// <param name="From">The tier before.</param>
/// <param name="To">The tier written.</param>
/// <param name="Score">The composite score written.</param>
public sealed record TierCrossing(string AccountId, string? AccountName, Uri? AccountUrl, Tier From, Tier To, int Score)
{
    /// <summary>
    /// The crossings reported to the alert channel: anything to Tier 1, and Tier 3 to Tier 2 (None → Tier 2/3 and
    /// downward moves are not reported).
    /// </summary>
    public static bool IsReported(Tier from, Tier to) =>
        (to == Tier.Tier1 && from != Tier.Tier1) || (from == Tier.Tier3 && to == Tier.Tier2);
}
