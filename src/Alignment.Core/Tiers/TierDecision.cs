namespace Alignment.Core.Tiers;

/// <summary>The outcome of <see cref="TierPolicy.Decide"/>.</summary>
/// <param name="Tier">The tier to hold: the current tier when locked, else <paramref name="Suggested"/>.</param>
/// <param name="Suggested">The tier the rules give (hysteresis and dwell applied), lock ignored.</param>
/// <param name="Pending">A move up still waiting out the dwell, to pass to the next decision; null when none.</param>
public readonly record struct TierDecision(Tier Tier, Tier Suggested, TierCandidate? Pending);
