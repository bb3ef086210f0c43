using Alignment.Core.Accounts;
using Alignment.Core.Evaluation;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.TestKit.Scoring;
using static Alignment.TestKit.Scoring.TestAccounts;

namespace Alignment.Core.Tests.Evaluation;

public sealed class AccountEvaluatorTests
{
    private readonly AccountEvaluator _evaluator = new(DefaultScoringModel.Value);

    private static Account Acme(AlignmentState? current = null) => new()
    {
        Id = "001A000001abcDE",
        Name = "Acme",
        Employees = 450,
        Industry = "Software",
        Country = "US",
        Technologies = ["Salesforce"],
        Current = current ?? AlignmentState.Empty,
        Signals =
        [
            Aged(SignalKind.PricingPageView, 0, "c1"), // 15
            Aged(SignalKind.PricingPageView, 7, "c1"), // 7.5
            Aged(SignalKind.ContentDownload, 7), // 4
            Aged(SignalKind.MeetingBooked, 14, "c1"), // 15
            Aged(SignalKind.EmailReply, 0, "c2"), // 15
            Aged(SignalKind.DemoAttended, 0, "c3"), // 40, and 3 contacts: bonus 20
            Aged(SignalKind.SalesTouch, 1, "005A01"),
        ],
    };

    [Fact]
    public void Evaluate_GoldenAccount_HandComputed()
    {
        var evaluation = _evaluator.Evaluate(Acme(), AsOf);

        // fit 100; intent 26.5; engagement 90; composite 0.4·100 + 0.3·26.5 + 0.3·90 = 74.95
        Assert.Equal("001A000001abcDE", evaluation.AccountId);
        Assert.Equal((100, 27, 90, 75), (evaluation.Fit, evaluation.Intent, evaluation.Engagement, evaluation.Score));
        Assert.Equal((Tier.Tier2, Tier.Tier2), (evaluation.Tier, evaluation.SuggestedTier));
        Assert.Equal("2026.11.0", evaluation.ModelVersion);
        Assert.Null(evaluation.PendingUpgrade);

        // contributions: ICP 40, demo 12, pricing 6.75, contacts 6, meeting 4.5, reply 4.5, content 1.2
        Assert.Equal(["ICP: Software, 200–5000 employees", "Demo attended today", "Pricing page ×2 in 7d"], evaluation.Reasons);
    }

    [Fact]
    public void Evaluate_CurrentTierOneScoreBelowMargin_MovesDownToTierTwo()
    {
        var evaluation = _evaluator.Evaluate(Acme(new AlignmentState { Tier = Tier.Tier1 }), AsOf);

        Assert.Equal((Tier.Tier2, Tier.Tier2), (evaluation.Tier, evaluation.SuggestedTier)); // 75 < 85 − 5
    }

    [Fact]
    public void Evaluate_LockedTier_KeptWithSuggestion()
    {
        var evaluation = _evaluator.Evaluate(Acme(new AlignmentState { Tier = Tier.Tier3, TierLocked = true }), AsOf);

        Assert.Equal((Tier.Tier3, Tier.Tier2), (evaluation.Tier, evaluation.SuggestedTier));
    }

    [Fact]
    public void Evaluate_NothingKnown_ZeroNoneNoReasons()
    {
        var evaluation = _evaluator.Evaluate(Empty(), AsOf);

        Assert.Equal((0, Tier.None), (evaluation.Score, evaluation.Tier));
        Assert.Empty(evaluation.Reasons);
    }
}
