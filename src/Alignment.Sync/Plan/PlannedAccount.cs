using Alignment.Core.Tiers;

namespace Alignment.Sync.Plan;

/// <summary>What the connector would do to one account.</summary>
/// <param name="AccountId">CRM id.</param>
/// <param name="Score">The composite score computed now.</param>
/// <param name="Tier">The tier it would hold.</param>
/// <param name="SuggestedTier">The tier the rules give, lock ignored.</param>
/// <param name="Changes">Fields that would be written; empty when nothing changes.</param>
/// <param name="Handoff">The handoff that would be made; null when none.</param>
/// <param name="Alerts">SLA alerts that would be sent.</param>
public sealed record PlannedAccount(
    string AccountId,
    int Score,
    Tier Tier,
    Tier SuggestedTier,
    IReadOnlyList<PlannedChange> Changes,
    PlannedHandoff? Handoff,
    IReadOnlyList<PlannedAlert> Alerts);
