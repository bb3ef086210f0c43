namespace Alignment.Core.Tiers;

/// <summary>
/// The weekly tier review (docs/scoreboard.md, "Tier review"): a person confirms each Tier 1 account's tier every week
/// and each Tier 2 account's every other week by setting the "tier confirmed at" field. An account is on the review's
/// list (its review is due) when its tier needs a confirmation it does not have — never confirmed, confirmed longer
/// ago than the cadence, or confirmed before the tier it now holds was assigned — or when a rep flagged the tier as
/// wrong. Tier 3 and untiered accounts need no confirmation.
/// </summary>
public static class TierReview
{
    /// <summary>How long a Tier 1 confirmation holds: one week.</summary>
    public static readonly TimeSpan Tier1Cadence = TimeSpan.FromDays(7);

    /// <summary>How long a Tier 2 confirmation holds: two weeks.</summary>
    public static readonly TimeSpan Tier2Cadence = TimeSpan.FromDays(14);

    /// <summary>The cadence of a tier; null for tiers that need no confirmation.</summary>
    public static TimeSpan? CadenceOf(Tier tier) => tier switch
    {
        Tier.Tier1 => Tier1Cadence,
        Tier.Tier2 => Tier2Cadence,
        _ => null,
    };

    /// <summary>Whether the account is on the review's list at <paramref name="now"/>.</summary>
    /// <param name="tier">The tier the account holds (the effective tier: a locked tier is the tier).</param>
    /// <param name="confirmedAt">When a person last confirmed the tier; null: never.</param>
    /// <param name="tierSince">When the connector assigned that tier, when known; a confirmation before it confirmed another tier.</param>
    /// <param name="wrongTier">A rep flagged the tier as wrong.</param>
    /// <param name="now">The instant of the decision.</param>
    public static bool IsDue(Tier tier, DateTimeOffset? confirmedAt, DateTimeOffset? tierSince, bool wrongTier, DateTimeOffset now)
    {
        if (wrongTier)
        {
            return true;
        }

        if (CadenceOf(tier) is not { } cadence)
        {
            return false;
        }

        return confirmedAt is not { } confirmed
            || confirmed > now // a confirmation stamped in the future is not one yet (clock skew or a typo)
            || now - confirmed >= cadence
            || (tierSince is { } since && confirmed < since);
    }
}
