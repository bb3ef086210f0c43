using Alignment.Core.Tiers;

namespace Alignment.Core.Calibration;

/// <summary>
/// The integer scores <c>alignment evaluate</c> prints for an account at an instant (0..100 each) and the tier the
/// composite alone gives (thresholds only: no hysteresis, dwell or lock).
/// </summary>
public readonly record struct PointInTimeScore(int Fit, int Intent, int Engagement, int Score, Tier Tier)
{
    /// <summary>The value of one dimension.</summary>
    public int Of(CalibrationDimension dimension) => dimension switch
    {
        CalibrationDimension.Fit => Fit,
        CalibrationDimension.Intent => Intent,
        CalibrationDimension.Engagement => Engagement,
        _ => Score,
    };
}
