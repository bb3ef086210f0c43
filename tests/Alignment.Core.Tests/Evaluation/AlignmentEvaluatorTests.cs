using Alignment.Core.Accounts;
using Alignment.Core.Evaluation;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tests.Calendar;
using Alignment.Core.Tiers;
using Alignment.TestKit.Scoring;

namespace Alignment.Core.Tests.Evaluation;

public sealed class AlignmentEvaluatorTests
{
    // Friday 2026-11-20 10:00 EST; the owner has no zone, so the default America/New_York calendar applies.
    private static readonly DateTimeOffset AsOf = Utc.At("2026-11-20T15:00:00Z");

    // A Tier 2 handoff on Friday at 09:00 EST: due 13:00 EST (18:00Z), at risk from 12:00 EST (17:00Z).
    private static readonly DateTimeOffset HandoffAt = Utc.At("2026-11-20T14:00:00Z");

    private readonly AlignmentEvaluator _evaluator = new(DefaultScoringModel.Value);

    private static Account Hot(AlignmentState current, params Signal[] extra) => new()
    {
        Id = "001A000001abcDE",
        Employees = 450,
        Industry = "Software",
        Country = "US",
        Technologies = ["Salesforce"],
        Owner = new Owner("005A01"),
        Current = current,
        Signals =
        [
            .. Enumerable.Range(0, 7).Select(_ => new Signal(SignalKind.PricingPageView, AsOf, "c1")),
            new Signal(SignalKind.DemoAttended, AsOf, "c1"),
            new Signal(SignalKind.MeetingBooked, AsOf, "c2"),
            .. extra,
        ],
    };

    private static AlignmentState Open(HandoffStatus status, Tier? tier = Tier.Tier2, DateTimeOffset? due = null, DateTimeOffset? firstResponse = null) =>
        AlignmentState.Empty with { HandoffStatus = status, HandoffAt = HandoffAt, HandoffTier = tier, SlaDue = due, FirstResponseAt = firstResponse };

    [Fact]
    public void Evaluate_HotAccountNoHandoff_Tier1MeetingDueEndOfTheSameDay()
    {
        var outcome = _evaluator.Evaluate(Hot(AlignmentState.Empty with { Tier = Tier.Tier2 }), AsOf);

        // fit 100; intent 7 × 15 = 105 → cap 100; engagement 40 + 30 + bonus 10 (2 contacts) = 80;
        // 0.4·100 + 0.3·100 + 0.3·80 = 94 → Tier 1 (up at once). 10:00 EST is before 15:00 → due Fri 17:00 EST = 22:00Z.
        Assert.Equal((94, Tier.Tier1), (outcome.Evaluation.Score, outcome.Evaluation.Tier));
        Assert.Equal(new HandoffDecision("tier1-meeting", AsOf, Tier.Tier1, Utc.At("2026-11-20T22:00:00Z")), outcome.Handoff);
        Assert.Equal((SlaStatus.OnTrack, Utc.At("2026-11-20T22:00:00Z")), (outcome.Sla?.Status, outcome.Sla?.Due));
    }

    [Fact]
    public void Evaluate_NewHandoffAnsweredAtTheSameInstant_Met()
    {
        var outcome = _evaluator.Evaluate(Hot(AlignmentState.Empty, new Signal(SignalKind.SalesTouch, AsOf)), AsOf);

        Assert.Equal(SlaStatus.Met, outcome.Sla?.Status);
    }

    [Fact]
    public void Evaluate_LockedTier_HandoffUsesTheHeldTier()
    {
        // Only the meeting: fit 0, engagement 30 → score 9, suggested None; locked at Tier 1, so tier1-meeting matches.
        var account = new Account
        {
            Id = "a",
            Current = AlignmentState.Empty with { Tier = Tier.Tier1, TierLocked = true },
            Signals = [new Signal(SignalKind.MeetingBooked, AsOf, "c1")],
        };

        var outcome = _evaluator.Evaluate(account, AsOf);

        Assert.Equal((Tier.Tier1, Tier.None), (outcome.Evaluation.Tier, outcome.Evaluation.SuggestedTier));
        Assert.Equal(("tier1-meeting", Tier.Tier1), (outcome.Handoff?.Rule, outcome.Handoff?.Tier));
    }

    [Theory]
    [InlineData("2026-11-20T15:00:00Z", SlaStatus.OnTrack)]  // 10:00 EST: 1 h of 4 gone
    [InlineData("2026-11-20T16:59:59Z", SlaStatus.OnTrack)]
    [InlineData("2026-11-20T17:00:00Z", SlaStatus.AtRisk)]   // 12:00 EST: 3 h of 4 = 75 %
    [InlineData("2026-11-20T18:00:00Z", SlaStatus.AtRisk)]   // exactly due
    [InlineData("2026-11-20T18:00:01Z", SlaStatus.Breached)]
    public void Evaluate_PendingHandoff_StatusOverTime(string asOf, SlaStatus expected)
    {
        var outcome = _evaluator.Evaluate(Hot(Open(HandoffStatus.Pending)), Utc.At(asOf));

        Assert.Null(outcome.Handoff);
        Assert.Equal((expected, Utc.At("2026-11-20T18:00:00Z")), (outcome.Sla?.Status, outcome.Sla?.Due));
    }

    [Fact]
    public void Evaluate_AcceptedHandoff_StillAssessed()
    {
        var outcome = _evaluator.Evaluate(Hot(Open(HandoffStatus.Accepted)), Utc.At("2026-11-20T19:00:00Z"));

        Assert.Null(outcome.Handoff);
        Assert.Equal(SlaStatus.Breached, outcome.Sla?.Status);
    }

    [Fact]
    public void Evaluate_RecycledHandoff_NoNewHandoffAndNoSla()
    {
        var outcome = _evaluator.Evaluate(Hot(Open(HandoffStatus.Recycled)), AsOf);

        Assert.Equal(Tier.Tier1, outcome.Evaluation.Tier);
        Assert.Null(outcome.Handoff);
        Assert.Null(outcome.Sla);
    }

    [Fact]
    public void Evaluate_RecordedFirstResponseWithoutItsSignal_Met()
    {
        var outcome = _evaluator.Evaluate(Hot(Open(HandoffStatus.Pending, firstResponse: Utc.At("2026-11-20T16:00:00Z"))), Utc.At("2026-11-20T19:00:00Z"));

        Assert.Equal(SlaStatus.Met, outcome.Sla?.Status);
    }

    [Fact]
    public void Evaluate_TouchBeforeTheHandoffOnly_Breached()
    {
        var touch = new Signal(SignalKind.SalesTouch, HandoffAt.AddMinutes(-1));

        var outcome = _evaluator.Evaluate(Hot(Open(HandoffStatus.Pending), touch), Utc.At("2026-11-20T19:00:00Z"));

        Assert.Equal(SlaStatus.Breached, outcome.Sla?.Status);
    }

    [Fact]
    public void Evaluate_LateTouch_StaysBreached()
    {
        var touch = new Signal(SignalKind.SalesTouch, Utc.At("2026-11-20T18:30:00Z"));

        var outcome = _evaluator.Evaluate(Hot(Open(HandoffStatus.Pending), touch), Utc.At("2026-11-20T19:00:00Z"));

        Assert.Equal(SlaStatus.Breached, outcome.Sla?.Status);
    }

    [Fact]
    public void Evaluate_RecordedDue_KeptNotRecomputed()
    {
        // Recorded due 16:00 EST (21:00Z): window 09:00–16:00 = 7 h, at risk after 5 h 15 = 14:15 EST (19:15Z).
        var state = Open(HandoffStatus.Pending, due: Utc.At("2026-11-20T21:00:00Z"));

        var before = _evaluator.Evaluate(Hot(state), Utc.At("2026-11-20T19:14:00Z"));
        var after = _evaluator.Evaluate(Hot(state), Utc.At("2026-11-20T19:15:00Z"));

        Assert.Equal((SlaStatus.OnTrack, Utc.At("2026-11-20T21:00:00Z")), (before.Sla?.Status, before.Sla?.Due));
        Assert.Equal(SlaStatus.AtRisk, after.Sla?.Status);
    }

    [Fact]
    public void Evaluate_PendingWithoutTier_SixteenBusinessHours()
    {
        // Fri 09:00 EST + 8 h Fri + 8 h Mon → Mon 2026-11-23 17:00 EST = 22:00Z.
        var outcome = _evaluator.Evaluate(Hot(Open(HandoffStatus.Pending, tier: null)), AsOf);

        Assert.Equal(Utc.At("2026-11-23T22:00:00Z"), outcome.Sla?.Due);
    }

    [Fact]
    public void Evaluate_NoHandoffAndNoneOpen_BothNull()
    {
        var outcome = _evaluator.Evaluate(new Account { Id = "a" }, AsOf);

        Assert.Equal((null, null), (outcome.Handoff, outcome.Sla));
    }
}
