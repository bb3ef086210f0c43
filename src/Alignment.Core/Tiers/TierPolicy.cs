using Alignment.Core.Model;

namespace Alignment.Core.Tiers;

/// <summary>
/// Tiers of composite scores, with hysteresis: moving up is immediate (or after the upgrade dwell); moving down
/// happens only when the score is below the current tier's threshold minus the margin, and then lands on the tier
/// of the score. A locked tier is never changed; the computed tier is still the suggestion.
/// </summary>
public sealed class TierPolicy
{
    private readonly TierThresholds _thresholds;
    private readonly TimeSpan _dwell;

    public TierPolicy(TierThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        this._thresholds = thresholds;
        _dwell = TimeSpan.FromHours(thresholds.UpgradeDwellHours);
    }

    /// <summary>The tier of a composite score, without hysteresis.</summary>
    public Tier TierOf(int score) =>
        score >= _thresholds.Tier1 ? Tier.Tier1
        : score >= _thresholds.Tier2 ? Tier.Tier2
        : score >= _thresholds.Tier3 ? Tier.Tier3
        : Tier.None;

    /// <summary>The lowest score of a tier (0 for <see cref="Tier.None"/>).</summary>
    public int ThresholdOf(Tier tier) => tier switch
    {
        Tier.Tier1 => _thresholds.Tier1,
        Tier.Tier2 => _thresholds.Tier2,
        Tier.Tier3 => _thresholds.Tier3,
        _ => 0,
    };

    /// <summary>
    /// Decides the tier for <paramref name="score"/> given the <paramref name="current"/> tier.
    /// </summary>
    /// <param name="score">Composite score, 0..100.</param>
    /// <param name="current">The tier the account holds now.</param>
    /// <param name="locked">Whether a human locked the tier.</param>
    /// <param name="asOf">The evaluation instant (for the dwell).</param>
    /// <param name="pending">The move up waiting since the previous decision, if any.</param>
    public TierDecision Decide(int score, Tier current, bool locked, DateTimeOffset asOf, TierCandidate? pending = null)
    {
        var scoreTier = TierOf(score);
        var suggested = current;
        TierCandidate? nextPending = null;

        if (TierRank.Of(scoreTier) > TierRank.Of(current))
        {
            if (_dwell <= TimeSpan.Zero)
            {
                suggested = scoreTier;
            }
            else
            {
                // The streak above the current tier goes on: it qualifies for the lower of the two tiers since then.
                var candidate = pending is { } p && TierRank.Of(p.Tier) > TierRank.Of(current)
                    ? new TierCandidate(TierRank.Of(p.Tier) < TierRank.Of(scoreTier) ? p.Tier : scoreTier, p.Since)
                    : new TierCandidate(scoreTier, asOf);
                if (asOf - candidate.Since >= _dwell)
                {
                    suggested = candidate.Tier;
                }
                else
                {
                    nextPending = candidate;
                }
            }
        }
        else if (TierRank.Of(scoreTier) < TierRank.Of(current) && score < ThresholdOf(current) - _thresholds.DowngradeMargin)
        {
            suggested = scoreTier;
        }

        return new TierDecision(locked ? current : suggested, suggested, nextPending);
    }

}
