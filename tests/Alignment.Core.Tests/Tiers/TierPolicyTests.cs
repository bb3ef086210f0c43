using Alignment.Core.Model;
using Alignment.Core.Tiers;
using Alignment.TestKit.Scoring;

namespace Alignment.Core.Tests.Tiers;

public sealed class TierPolicyTests
{
    private static readonly DateTimeOffset AsOf = TestAccounts.AsOf;
    private readonly TierPolicy _policy = new(DefaultScoringModel.Value.Tiers);

    [Theory]
    [InlineData(100, Tier.Tier1)]
    [InlineData(85, Tier.Tier1)]
    [InlineData(84, Tier.Tier2)]
    [InlineData(65, Tier.Tier2)]
    [InlineData(64, Tier.Tier3)]
    [InlineData(40, Tier.Tier3)]
    [InlineData(39, Tier.None)]
    [InlineData(0, Tier.None)]
    public void TierOf_Thresholds_Inclusive(int score, Tier expected)
    {
        Assert.Equal(expected, _policy.TierOf(score));
    }

    [Theory]
    [InlineData(Tier.None, 85, Tier.Tier1)]
    [InlineData(Tier.None, 40, Tier.Tier3)]
    [InlineData(Tier.None, 39, Tier.None)]
    [InlineData(Tier.Tier3, 65, Tier.Tier2)]
    [InlineData(Tier.Tier2, 85, Tier.Tier1)]
    [InlineData(Tier.Tier3, 99, Tier.Tier1)]
    public void Decide_ScoreAboveCurrentTier_MovesUpAtOnce(Tier current, int score, Tier expected)
    {
        var decision = _policy.Decide(score, current, locked: false, AsOf);

        Assert.Equal(new TierDecision(expected, expected, null), decision);
    }

    [Theory]
    [InlineData(Tier.Tier1, 84, Tier.Tier1)] // in the band
    [InlineData(Tier.Tier1, 80, Tier.Tier1)] // 80 is not below 85 − 5
    [InlineData(Tier.Tier1, 79, Tier.Tier2)]
    [InlineData(Tier.Tier1, 70, Tier.Tier2)]
    [InlineData(Tier.Tier1, 50, Tier.Tier3)] // lands on the tier of the score
    [InlineData(Tier.Tier1, 10, Tier.None)]
    [InlineData(Tier.Tier2, 61, Tier.Tier2)]
    [InlineData(Tier.Tier2, 60, Tier.Tier2)]
    [InlineData(Tier.Tier2, 59, Tier.Tier3)]
    [InlineData(Tier.Tier3, 35, Tier.Tier3)]
    [InlineData(Tier.Tier3, 34, Tier.None)]
    public void Decide_ScoreBelowCurrentTier_MovesDownOnlyPastTheMargin(Tier current, int score, Tier expected)
    {
        Assert.Equal(expected, _policy.Decide(score, current, locked: false, AsOf).Tier);
    }

    [Theory]
    [InlineData(Tier.Tier1, 10, Tier.None)]
    [InlineData(Tier.Tier3, 90, Tier.Tier1)]
    [InlineData(Tier.None, 70, Tier.Tier2)]
    public void Decide_Locked_KeepsTierAndSuggestsComputed(Tier current, int score, Tier suggested)
    {
        var decision = _policy.Decide(score, current, locked: true, AsOf);

        Assert.Equal(current, decision.Tier);
        Assert.Equal(suggested, decision.Suggested);
    }

    [Fact]
    public void Decide_ZeroMargin_MovesDownBelowThreshold()
    {
        var strict = new TierPolicy(new TierThresholds(85, 65, 40, 0, 0));

        Assert.Equal(Tier.Tier1, strict.Decide(85, Tier.Tier1, false, AsOf).Tier);
        Assert.Equal(Tier.Tier2, strict.Decide(84, Tier.Tier1, false, AsOf).Tier);
    }

    [Fact]
    public void Decide_UpgradeDwell_WaitsThenMovesUp()
    {
        var dwelling = new TierPolicy(new TierThresholds(85, 65, 40, 5, 24));

        var first = dwelling.Decide(90, Tier.Tier2, false, AsOf);
        var later = dwelling.Decide(90, Tier.Tier2, false, AsOf.AddHours(23.9), first.Pending);
        var after = dwelling.Decide(90, Tier.Tier2, false, AsOf.AddHours(24), later.Pending);

        Assert.Equal((Tier.Tier2, new TierCandidate(Tier.Tier1, AsOf)), (first.Tier, first.Pending));
        Assert.Equal((Tier.Tier2, new TierCandidate(Tier.Tier1, AsOf)), (later.Tier, later.Pending));
        Assert.Equal((Tier.Tier1, (TierCandidate?)null), (after.Tier, after.Pending));
    }

    [Fact]
    public void Decide_UpgradeDwellInterrupted_StartsAgain()
    {
        var dwelling = new TierPolicy(new TierThresholds(85, 65, 40, 5, 24));

        var first = dwelling.Decide(90, Tier.Tier2, false, AsOf);
        var dip = dwelling.Decide(70, Tier.Tier2, false, AsOf.AddHours(12), first.Pending);
        var again = dwelling.Decide(90, Tier.Tier2, false, AsOf.AddHours(25), dip.Pending);

        Assert.Null(dip.Pending);
        Assert.Equal(Tier.Tier2, again.Tier);
        Assert.Equal(new TierCandidate(Tier.Tier1, AsOf.AddHours(25)), again.Pending);
    }

    [Fact]
    public void Decide_UpgradeDwellWithLowerTierMeanwhile_MovesToTheTierHeldThroughout()
    {
        var dwelling = new TierPolicy(new TierThresholds(85, 65, 40, 5, 24));

        var first = dwelling.Decide(90, Tier.Tier3, false, AsOf);
        var lower = dwelling.Decide(70, Tier.Tier3, false, AsOf.AddHours(12), first.Pending);
        var after = dwelling.Decide(90, Tier.Tier3, false, AsOf.AddHours(24), lower.Pending);

        Assert.Equal(new TierCandidate(Tier.Tier2, AsOf), lower.Pending);
        Assert.Equal(Tier.Tier2, after.Tier);
    }
}
