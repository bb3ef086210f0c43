namespace Alignment.Core.Calibration;

/// <summary>One point of a ROC curve: the share of lost (x) and won (y) opportunities scoring at least <see cref="Threshold"/>.</summary>
public readonly record struct RocPoint(int Threshold, double FalsePositiveRate, double TruePositiveRate);
