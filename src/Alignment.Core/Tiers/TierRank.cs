namespace Alignment.Core.Tiers;

/// <summary>The order of tiers by heat.</summary>
public static class TierRank
{
    /// <summary>Higher is hotter: None 0, Tier3 1, Tier2 2, Tier1 3.</summary>
    public static int Of(Tier tier) => tier == Tier.None ? 0 : 4 - (int)tier;
}
