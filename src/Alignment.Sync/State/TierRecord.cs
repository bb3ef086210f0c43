using Alignment.Core.Tiers;

namespace Alignment.Sync.State;

/// <summary>One account's tier history entry: a tier the connector assigned and when.</summary>
/// <param name="AccountId">CRM id.</param>
/// <param name="Tier">The tier assigned.</param>
/// <param name="Score">The composite score at that time.</param>
/// <param name="At">UTC instant of the assignment.</param>
/// <param name="ModelVersion">The model version that scored it.</param>
public sealed record TierRecord(string AccountId, Tier Tier, int Score, DateTimeOffset At, string ModelVersion);
