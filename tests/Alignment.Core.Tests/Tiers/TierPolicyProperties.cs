using Alignment.Core.Tiers;
using Alignment.TestKit.Scoring;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Core.Tests.Tiers;

public sealed class TierPolicyProperties
{
    private readonly TierPolicy _policy = new(DefaultScoringModel.Value.Tiers);

    [Fact]
    public void Decide_ScoresInsideTheHysteresisBand_NeverChangeTheTier()
    {
        // Once an account holds tier T, any score in [threshold(T) − margin, threshold(T) + ...) below the next tier keeps T.
        var gen =
            from tier in Gen.Elements(Tier.Tier1, Tier.Tier2, Tier.Tier3)
            from scores in Gen.ListOf(Gen.Choose(_policy.ThresholdOf(tier) - 5, NextThreshold(tier) - 1))
            select (tier, scores);

        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var current = input.tier;
            foreach (var score in input.scores)
            {
                current = _policy.Decide(score, current, false, TestAccounts.AsOf).Tier;
                if (current != input.tier)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decide_AnyScoreSequence_ChangesTierOnlyWhenTheScoreLeavesTheBand()
    {
        var gen = Gen.ListOf(Gen.Choose(0, 100));

        Prop.ForAll(gen.ToArbitrary(), scores =>
        {
            var current = Tier.None;
            foreach (var score in scores)
            {
                var next = _policy.Decide(score, current, false, TestAccounts.AsOf).Tier;
                var changed = next != current;
                var outsideBand = score >= NextThreshold(current) || score < _policy.ThresholdOf(current) - 5;
                if (changed != outsideBand)
                {
                    return false;
                }

                current = next;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private int NextThreshold(Tier tier) => tier switch
    {
        Tier.Tier1 => 101,
        Tier.Tier2 => _policy.ThresholdOf(Tier.Tier1),
        Tier.Tier3 => _policy.ThresholdOf(Tier.Tier2),
        _ => _policy.ThresholdOf(Tier.Tier3),
    };
}
