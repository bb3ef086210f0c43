namespace Alignment.Core.Model;

/// <summary>
/// Tier thresholds on the composite score (100 ≥ Tier1 &gt; Tier2 &gt; Tier3 &gt; 0) and the hysteresis settings.
/// </summary>
/// <param name="Tier1">Lowest score of Tier 1 (Hot).</param>
/// <param name="Tier2">Lowest score of Tier 2 (Warm).</param>
/// <param name="Tier3">Lowest score of Tier 3 (Monitored).</param>
/// <param name="DowngradeMargin">Points below the current tier's threshold a score must fall to move down (≥ 0).</param>
/// <param name="UpgradeDwellHours">Hours a higher tier must keep qualifying before the move up (≥ 0; 0 = immediate).</param>
public sealed record TierThresholds(int Tier1, int Tier2, int Tier3, int DowngradeMargin, double UpgradeDwellHours);
