namespace Alignment.Core.Calibration;

/// <summary>
/// The rule a segment was judged by: the overall high-tier win rate, the minimum count, the family-wise level, the
/// number of segments tested (the Bonferroni divisor), the per-segment z and the material gap.
/// </summary>
public sealed record SegmentRule(double? OverallRate, int OverallOpportunities, int MinimumOpportunities, double Level, int Tested, double Z, double MaterialGap);
