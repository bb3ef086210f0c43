namespace Alignment.Core.Model;

/// <summary>How the three components make the composite score. Each weight is in [0, 1]; they sum to 1 (±1e-9).</summary>
public sealed record ScoreWeights(double Fit, double Intent, double Engagement);
