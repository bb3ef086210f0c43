using Alignment.Core.Tiers;

namespace Alignment.Core.Calibration;

/// <summary>
/// The closed opportunities whose account was in <see cref="Tier"/> at creation (thresholds only), how many were won,
/// and the pipeline: the sum of their amounts, and of the won ones (corporate currency; unknown amounts count 0).
/// </summary>
public sealed record TierOutcome(Tier Tier, int Opportunities, int Won, double? WinRate, decimal Pipeline, decimal WonAmount);
