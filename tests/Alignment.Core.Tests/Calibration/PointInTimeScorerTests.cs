using Alignment.Core.Calibration;
using Alignment.Core.Evaluation;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.TestKit.Builders;
using Alignment.TestKit.Scoring;

namespace Alignment.Core.Tests.Calibration;

public sealed class PointInTimeScorerTests
{
    private static readonly DateTimeOffset Created = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Score_SignalAfterCreation_ChangesNothing()
    {
        var before = AccountBuilder.AnAccount()
            .WithSignal(new Signal(SignalKind.PricingPageView, Created.AddDays(-2), "c1"))
            .WithSignal(new Signal(SignalKind.MeetingBooked, Created.AddDays(-1), "c1"))
            .Build();
        var after = before with
        {
            Signals = [.. before.Signals, new Signal(SignalKind.DemoAttended, Created.AddSeconds(1), "c2"), new Signal(SignalKind.PricingPageView, Created.AddDays(30), "c3")],
        };
        var scorer = new PointInTimeScorer(DefaultScoringModel.Value);

        Assert.Equal(scorer.Score(before, Created), scorer.Score(after, Created));
    }

    [Fact]
    public void Score_SignalAtCreation_Counts()
    {
        var account = AccountBuilder.AnAccount().WithSignal(new Signal(SignalKind.DemoAttended, Created, "c1")).Build();

        var score = new PointInTimeScorer(DefaultScoringModel.Value).Score(account, Created);

        Assert.Equal(40, score.Engagement);
    }

    [Fact]
    public void Score_SameAsEvaluateOnTheAccountAsItStood()
    {
        var account = AccountBuilder.AnAccount()
            .WithTier(Tier.Tier1, locked: true)
            .WithSignal(new Signal(SignalKind.PricingPageView, Created.AddDays(-3), "c1"))
            .WithSignal(new Signal(SignalKind.DemoAttended, Created.AddDays(-10), "c2"))
            .WithSignal(new Signal(SignalKind.MeetingBooked, Created.AddDays(5), "c3"))
            .Build();
        var asItStood = account with { Signals = [.. account.Signals.Where(s => s.At <= Created)] };

        var score = new PointInTimeScorer(DefaultScoringModel.Value).Score(account, Created);
        var evaluation = new AccountEvaluator(DefaultScoringModel.Value).Evaluate(asItStood, Created);

        Assert.Equal((evaluation.Fit, evaluation.Intent, evaluation.Engagement, evaluation.Score), (score.Fit, score.Intent, score.Engagement, score.Score));

        // The tier is the thresholds' alone: neither the lock on Tier1 nor hysteresis applies.
        Assert.Equal(new TierPolicy(DefaultScoringModel.Value.Tiers).TierOf(evaluation.Score), score.Tier);
    }
}
