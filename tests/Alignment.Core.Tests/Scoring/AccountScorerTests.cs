using Alignment.Core.Accounts;
using Alignment.Core.Model;
using Alignment.Core.Scoring;
using Alignment.Core.Signals;
using Alignment.Core.Tests.Model;
using Alignment.TestKit.Scoring;
using static Alignment.TestKit.Scoring.TestAccounts;

namespace Alignment.Core.Tests.Scoring;

public sealed class AccountScorerTests
{
    private readonly AccountScorer _scorer = new(DefaultScoringModel.Value);

    private ScoreBreakdown Score(params Signal[] signals) => _scorer.Score(WithSignals(signals), AsOf);

    [Fact]
    public void Score_EmptyAccount_AllZero()
    {
        Assert.Equal(new ScoreBreakdown(0, 0, 0, 0), _scorer.Score(Empty(), AsOf));
    }

    [Fact]
    public void Score_DefaultSignalsArray_TreatedAsNone()
    {
        var account = Empty() with { Signals = default };

        Assert.Equal(0, _scorer.Score(account, AsOf).Score);
    }

    [Fact]
    public void Score_PricingViewExactlyOneHalfLifeOld_CountsHalf()
    {
        var score = Score(Aged(SignalKind.PricingPageView, 7));

        Assert.Equal(7.5, score.Intent);
        Assert.Equal(8, score.IntentScore);
        Assert.Equal(2, score.Score); // round(0.3 × 7.5 = 2.25)
    }

    [Fact]
    public void Score_MeetingExactlyTwoHalfLivesOld_CountsAQuarter()
    {
        Assert.Equal(7.5, Score(Aged(SignalKind.MeetingBooked, 28)).Engagement);
    }

    [Fact]
    public void Score_IntentJustInsideWindow_Counts()
    {
        // 15 × 0.5^(29.99 / 7) = 0.76983
        Assert.InRange(Score(Aged(SignalKind.PricingPageView, 29.99)).Intent, 0.7698, 0.7699);
    }

    [Fact]
    public void Score_IntentExactlyAtWindow_Ignored()
    {
        Assert.Equal(0, Score(Aged(SignalKind.PricingPageView, 30)).Intent);
    }

    [Fact]
    public void Score_IntentOneTickInsideWindow_Counts()
    {
        var signal = new Signal(SignalKind.PricingPageView, AsOf - TimeSpan.FromDays(30) + TimeSpan.FromTicks(1));

        Assert.True(Score(signal).Intent > 0);
    }

    [Fact]
    public void Score_EngagementWindowEdges_StrictlyInside()
    {
        // 30 × 0.5^(89.99 / 14) = 0.34845
        Assert.InRange(Score(Aged(SignalKind.MeetingBooked, 89.99)).Engagement, 0.3484, 0.3485);
        Assert.Equal(0, Score(Aged(SignalKind.MeetingBooked, 90)).Engagement);
    }

    [Fact]
    public void Score_FutureDatedSignal_CountsAsNow()
    {
        var score = Score(Aged(SignalKind.PricingPageView, -3), Aged(SignalKind.DemoAttended, -0.5));

        Assert.Equal(15, score.Intent);
        Assert.Equal(40, score.Engagement);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData(1.0, 10)]
    [InlineData(0.5, 5)]
    [InlineData(0.0, 0)]
    public void Score_ThirdPartyIntent_ScaledByStrength(double? strength, double expected)
    {
        Assert.Equal(expected, Score(Aged(SignalKind.ThirdPartyIntent, 0, strength: strength)).Intent);
    }

    [Fact]
    public void Score_StrengthOnOtherKinds_Ignored()
    {
        Assert.Equal(15, Score(Aged(SignalKind.PricingPageView, 0, strength: 0.2)).Intent);
    }

    [Fact]
    public void Score_IntentOverCap_CappedAtHundred()
    {
        var signals = Enumerable.Repeat(Aged(SignalKind.PricingPageView, 0), 7).ToArray(); // 105

        var score = Score(signals);

        Assert.Equal(100, score.Intent);
        Assert.Equal(30, score.Score);
    }

    [Fact]
    public void Score_EngagementOverCapWithBonus_CappedAtHundred()
    {
        var score = Score(
            Aged(SignalKind.DemoAttended, 0, "c1"),
            Aged(SignalKind.DemoAttended, 0, "c2"),
            Aged(SignalKind.DemoAttended, 0, "c3")); // 120 + 20

        Assert.Equal(100, score.Engagement);
    }

    [Theory]
    [InlineData(1, 10)] // 10, no bonus
    [InlineData(2, 30)] // 20 + 10
    [InlineData(4, 70)] // 40 + 30
    [InlineData(5, 80)] // 50 + 30 (bonus capped at 30)
    public void Score_DistinctContacts_BonusPerContactBeyondTheFirst(int contacts, double expected)
    {
        var signals = Enumerable.Range(1, contacts).Select(c => Aged(SignalKind.FormSubmit, 0, $"003A0{c}")).ToArray();

        Assert.Equal(expected, Score(signals).Engagement);
    }

    [Fact]
    public void Score_SameContactTwice_NoBonus()
    {
        Assert.Equal(20, Score(Aged(SignalKind.FormSubmit, 0, "003A01"), Aged(SignalKind.FormSubmit, 0, "003A01")).Engagement);
    }

    [Fact]
    public void Score_ContactIdsDifferingInCase_AreDistinct()
    {
        Assert.Equal(30, Score(Aged(SignalKind.FormSubmit, 0, "003A01"), Aged(SignalKind.FormSubmit, 0, "003a01")).Engagement);
    }

    [Fact]
    public void Score_NullContacts_NoBonus()
    {
        var score = Score(Aged(SignalKind.FormSubmit, 0), Aged(SignalKind.FormSubmit, 0), Aged(SignalKind.FormSubmit, 0, "003A01"));

        Assert.Equal(30, score.Engagement);
    }

    [Fact]
    public void Score_ContactBonus_NotDecayed()
    {
        // 10 × 0.5 + 10 × 0.5 + bonus 10
        Assert.Equal(20, Score(Aged(SignalKind.FormSubmit, 14, "c1"), Aged(SignalKind.FormSubmit, 14, "c2")).Engagement);
    }

    [Fact]
    public void Score_ContactOutsideWindowOrOnIntent_NotCounted()
    {
        var score = Score(
            Aged(SignalKind.FormSubmit, 0, "c1"),
            Aged(SignalKind.FormSubmit, 90, "c2"),
            Aged(SignalKind.PricingPageView, 0, "c3"));

        Assert.Equal(10, score.Engagement);
    }

    [Fact]
    public void Score_ManyContacts_CountedBeyondTheStackBuffer()
    {
        var signals = Enumerable.Range(0, 300).Select(i => Aged(SignalKind.EmailReply, 89, $"c{i % 3}")).ToArray();

        var score = Score(signals);

        // 300 × 15 × 0.5^(89/14) + bonus 20 (3 contacts)
        Assert.Equal((300 * 15 * Math.Pow(0.5, 89.0 / 14)) + 20, score.Engagement, 9);
    }

    [Theory]
    [InlineData(20, 19)] // 1 point per contact beyond the first
    [InlineData(40, 30)] // capped at 30: counting stops at 31 distinct contacts (more than the stack buffer holds)
    public void Score_BonusLimitAboveTheStackBuffer_CountsEveryContactUpToTheCap(int contacts, double expected)
    {
        var json = ModelJson.With(r =>
        {
            r.Obj("engagement").Obj("points")["FormSubmit"] = 0;
            r.Obj("engagement")["contactBonus"] = new System.Text.Json.Nodes.JsonObject { ["pointsPerContact"] = 1, ["max"] = 30 };
        });
        var model = ModelFileReader.Read(json).Model!;
        var signals = Enumerable.Range(0, contacts * 2).Select(i => Aged(SignalKind.FormSubmit, 0, $"c{i % contacts}")).ToArray();

        Assert.Equal(expected, new AccountScorer(model).Score(WithSignals(signals), AsOf).Engagement);
    }

    [Fact]
    public void Score_SalesTouch_NotScored()
    {
        Assert.Equal(new ScoreBreakdown(0, 0, 0, 0), Score(Aged(SignalKind.SalesTouch, 0, "c1"), Aged(SignalKind.SalesTouch, 0, "c2")));
    }

    [Fact]
    public void Score_ComponentsRoundedOnlyForReport_CompositeFromUnrounded()
    {
        var score = Score(Aged(SignalKind.WebVisit, 7)); // intent 1.5

        Assert.Equal(2, score.IntentScore);
        Assert.Equal(0, score.Score); // round(0.3 × 1.5 = 0.45), not round(0.3 × 2 = 0.6)
    }

    [Fact]
    public void Score_CompositeExactlyHalf_RoundsAwayFromZero()
    {
        var score = Score(Aged(SignalKind.ThirdPartyIntent, 0, strength: 0.5)); // 0.3 × 5 = 1.5

        Assert.Equal(2, score.Score);
    }

    [Fact]
    public void Score_CompositeHalfBelowInBinary_RoundsAsTheExactDecimal()
    {
        // 0.7 × 45 is 31.499999999999996 in binary; the exact value 31.5 rounds to 32.
        var model = ModelFileReader.Read(ModelJson.With(r =>
        {
            r.Obj("weights")["fit"] = 0.7;
            r.Obj("weights")["intent"] = 0.0;
        })).Model!;
        var account = Empty() with { Employees = 120, Industry = "Software" }; // 15 + 30

        var score = new AccountScorer(model).Score(account, AsOf);

        Assert.Equal(45, score.Fit);
        Assert.True(score.Composite < 31.5);
        Assert.Equal(32, score.Score);
    }

    [Fact]
    public void Score_FullIcpAccount_FitHundred()
    {
        var account = new Account
        {
            Id = "001A000001abcDE",
            Employees = 450,
            Industry = "Software",
            Country = "US",
            Technologies = ["Salesforce"],
        };

        var score = _scorer.Score(account, AsOf);

        Assert.Equal(100, score.Fit);
        Assert.Equal(40, score.Score);
    }
}
