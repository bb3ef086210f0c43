namespace Alignment.Core.Model;

/// <summary>Buying-group bonus: points per distinct engaged contact beyond the first, at most <see cref="Max"/>; not decayed.</summary>
public sealed record ContactBonus(double PointsPerContact, double Max);
