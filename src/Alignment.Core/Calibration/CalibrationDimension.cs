namespace Alignment.Core.Calibration;

/// <summary>A score that calibration measures against outcomes. JSON spelling: camelCase.</summary>
public enum CalibrationDimension
{
    Fit,
    Intent,
    Engagement,

    /// <summary>The composite score.</summary>
    Composite,
}
