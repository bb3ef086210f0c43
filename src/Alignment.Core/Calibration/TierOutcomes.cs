using System.Collections.Immutable;
using Alignment.Core.Tiers;

namespace Alignment.Core.Calibration;

/// <summary>Win rate and pipeline by tier at creation, in the order Tier1, Tier2, Tier3, None (every tier listed).</summary>
public static class TierOutcomes
{
    /// <summary>The tiers hottest first.</summary>
    public static readonly ImmutableArray<Tier> Order = [Tier.Tier1, Tier.Tier2, Tier.Tier3, Tier.None];

    public static ImmutableArray<TierOutcome> Build(IReadOnlyList<ScoredOpportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var result = ImmutableArray.CreateBuilder<TierOutcome>(Order.Length);
        foreach (var tier in Order)
        {
            int count = 0, won = 0;
            decimal pipeline = 0, wonAmount = 0;
            foreach (var o in opportunities)
            {
                if (o.Score.Tier != tier)
                {
                    continue;
                }

                var amount = o.Opportunity.Amount ?? 0;
                count++;
                pipeline += amount;
                if (o.Won)
                {
                    won++;
                    wonAmount += amount;
                }
            }

            result.Add(new TierOutcome(tier, count, won, count == 0 ? null : (double)won / count, pipeline, wonAmount));
        }

        return result.MoveToImmutable();
    }
}
