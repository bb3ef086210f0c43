namespace Alignment.Core.Calibration;

/// <summary>
/// Suggested tier thresholds (100 ≥ Tier1 &gt; Tier2 &gt; Tier3 ≥ 1) for the target capacities, with the share of all
/// accounts each tier would then hold (the proposed weights, as of the snapshot's instant).
/// </summary>
public sealed record SuggestedThresholds(int Tier1, int Tier2, int Tier3, double Tier1Share, double Tier2Share, double Tier3Share);
