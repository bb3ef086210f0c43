namespace Alignment.Core.Calibration;

/// <summary>The statistical settings of a calibration (docs/calibration.md). Defaults suit a quarterly review.</summary>
public sealed record CalibrationOptions
{
    /// <summary>Bootstrap resamples for the AUC intervals (≥ 0; 0 = no interval).</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap and of the cross-validation folds: same input and seed, same report.</summary>
    public int Seed { get; init; } = 14;

    /// <summary>Confidence level of the AUC intervals and family-wise level of the segment test.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Fewest high-tier opportunities for a segment to be tested.</summary>
    public int MinimumSegmentOpportunities { get; init; } = 20;

    /// <summary>Least win-rate gap (fraction) below the overall high-tier rate for a segment to be flagged.</summary>
    public double MaterialGap { get; init; } = 0.10;

    /// <summary>Folds of the cross-validation of the suggested weights (2..10).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Target tier capacities for the suggested thresholds.</summary>
    public TierCapacities Capacities { get; init; } = TierCapacities.Default;

    /// <summary>Changes listed in the field diff's sample.</summary>
    public int DiffSample { get; init; } = 20;
}
