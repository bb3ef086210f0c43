namespace Alignment.Core.Tiers;

/// <summary>
/// A move up that is waiting out the upgrade dwell: the score has qualified for at least <see cref="Tier"/> (above
/// the current tier) continuously since <see cref="Since"/> (UTC). The caller keeps it between evaluations.
/// </summary>
public readonly record struct TierCandidate(Tier Tier, DateTimeOffset Since);
