using System.Collections.Immutable;

namespace Alignment.Core.Calibration;

/// <summary>
/// The ROC AUC of one dimension with its bootstrap percentile interval, and its ROC curve. The values are null when
/// the AUC is undefined (no won or no lost opportunity).
/// </summary>
public sealed record AucEstimate(CalibrationDimension Dimension, double? Auc, double? Low, double? High, ImmutableArray<RocPoint> Curve);
