using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tests.Calendar;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Handoffs;

public sealed class HandoffLifecycleTests
{
    // Fri 2026-11-20 16:00 EST, Tier 2: due Mon 2026-11-23 12:00 EST.
    private static readonly DateTimeOffset HandoffAt = Utc.At("2026-11-20T21:00:00Z");
    private static readonly DateTimeOffset Due = Utc.At("2026-11-23T17:00:00Z");
    private static readonly HandoffLifecycle Lifecycle = HandoffLifecycle.Default;
    private static readonly HandoffLifecycleState Open = new(HandoffStatus.Pending, HandoffAt, Due);

    [Theory]
    [InlineData(HandoffStatus.None, HandoffEventKind.HandOff, HandoffStatus.Pending)]
    [InlineData(HandoffStatus.Pending, HandoffEventKind.Accept, HandoffStatus.Accepted)]
    [InlineData(HandoffStatus.Pending, HandoffEventKind.Reject, HandoffStatus.Rejected)]
    [InlineData(HandoffStatus.Pending, HandoffEventKind.Recycle, HandoffStatus.Recycled)]
    [InlineData(HandoffStatus.Pending, HandoffEventKind.RecycleDue, HandoffStatus.Recycled)]
    [InlineData(HandoffStatus.Pending, HandoffEventKind.Reset, HandoffStatus.None)]
    [InlineData(HandoffStatus.Accepted, HandoffEventKind.Reject, HandoffStatus.Rejected)]
    [InlineData(HandoffStatus.Accepted, HandoffEventKind.Recycle, HandoffStatus.Recycled)]
    [InlineData(HandoffStatus.Rejected, HandoffEventKind.Reset, HandoffStatus.None)]
    [InlineData(HandoffStatus.Recycled, HandoffEventKind.Reset, HandoffStatus.None)]
    public void Target_TableTransition_LeadsToStatus(HandoffStatus from, HandoffEventKind kind, HandoffStatus to)
    {
        Assert.Equal(to, HandoffLifecycle.Target(from, kind));
    }

    [Theory]
    [InlineData(HandoffStatus.None, HandoffEventKind.Accept)]
    [InlineData(HandoffStatus.None, HandoffEventKind.Answer)]
    [InlineData(HandoffStatus.None, HandoffEventKind.Reset)]
    [InlineData(HandoffStatus.Accepted, HandoffEventKind.RecycleDue)]
    [InlineData(HandoffStatus.Accepted, HandoffEventKind.Accept)]
    [InlineData(HandoffStatus.Rejected, HandoffEventKind.Accept)]
    [InlineData(HandoffStatus.Rejected, HandoffEventKind.Answer)]
    [InlineData(HandoffStatus.Recycled, HandoffEventKind.Breach)]
    public void Apply_NotInTable_IllegalValueAndStateUnchanged(HandoffStatus from, HandoffEventKind kind)
    {
        var state = Open with { Status = from };

        var transition = Lifecycle.Apply(state, new HandoffEvent(kind, Due.AddDays(1)));

        Assert.False(transition.IsAllowed);
        Assert.Same(state, transition.State);
        Assert.Contains(from.ToString(), transition.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AnswerByDue_Met()
    {
        var transition = Lifecycle.Apply(Open, new HandoffEvent(HandoffEventKind.Answer, Due));

        Assert.True(transition.IsAllowed);
        Assert.Equal((HandoffStatus.Pending, SlaStatus.Met, Due), (transition.State.Status, transition.State.Outcome, transition.State.FirstResponseAt));
    }

    [Fact]
    public void Apply_AnswerAfterBreach_StaysBreached()
    {
        var breached = Lifecycle.Apply(Open, new HandoffEvent(HandoffEventKind.Breach, Due.AddTicks(1))).State;

        var answered = Lifecycle.Apply(breached, new HandoffEvent(HandoffEventKind.Answer, Due.AddHours(2))).State;

        Assert.Equal(SlaStatus.Breached, answered.Outcome);
        Assert.Equal(Due.AddHours(2), answered.FirstResponseAt);
    }

    [Fact]
    public void Apply_BreachAtDueInstant_Illegal()
    {
        Assert.False(Lifecycle.Apply(Open, new HandoffEvent(HandoffEventKind.Breach, Due)).IsAllowed);
    }

    [Fact]
    public void Apply_AcceptedUnanswered_StillBreaches()
    {
        var accepted = Lifecycle.Apply(Open, new HandoffEvent(HandoffEventKind.Accept, HandoffAt.AddHours(1))).State;

        var breached = Lifecycle.Apply(accepted, new HandoffEvent(HandoffEventKind.Breach, Due.AddMinutes(5)));

        Assert.True(breached.IsAllowed);
        Assert.Equal((HandoffStatus.Accepted, SlaStatus.Breached), (breached.State.Status, breached.State.Outcome));
    }

    [Fact]
    public void Apply_AnswerBeforeHandoff_Illegal()
    {
        Assert.False(Lifecycle.Apply(Open, new HandoffEvent(HandoffEventKind.Answer, HandoffAt.AddSeconds(-1))).IsAllowed);
    }

    [Fact]
    public void Apply_RecycleDueAfterAnswer_Illegal()
    {
        var answered = Open with { FirstResponseAt = HandoffAt.AddHours(1), Outcome = SlaStatus.Met };

        Assert.False(Lifecycle.Apply(answered, new HandoffEvent(HandoffEventKind.RecycleDue, HandoffAt.AddDays(15))).IsAllowed);
    }

    [Fact]
    public void Apply_HandOffWhileOpenUnanswered_Illegal()
    {
        var transition = Lifecycle.Apply(Open, HandoffEvent.HandOff(HandoffAt.AddDays(60), HandoffAt.AddDays(61)));

        Assert.False(transition.IsAllowed);
        Assert.Contains("open", transition.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HandoffStatus.Rejected)]
    [InlineData(HandoffStatus.Recycled)]
    public void Apply_HandOffAfterCoolDown_NewPendingHandoff(HandoffStatus closed)
    {
        var state = Open with { Status = closed };
        var at = HandoffAt + HandoffLifecycle.DefaultCoolDown;

        var transition = Lifecycle.Apply(state, HandoffEvent.HandOff(at, at.AddHours(4)));

        Assert.True(transition.IsAllowed);
        Assert.Equal(new HandoffLifecycleState(HandoffStatus.Pending, at, at.AddHours(4)), transition.State);
    }

    [Fact]
    public void Apply_HandOffOneTickBeforeCoolDownEnds_IllegalNamingTheEnd()
    {
        var state = Open with { Status = HandoffStatus.Rejected };
        var at = HandoffAt + HandoffLifecycle.DefaultCoolDown - TimeSpan.FromTicks(1);

        var transition = Lifecycle.Apply(state, HandoffEvent.HandOff(at, at.AddHours(4)));

        Assert.False(transition.IsAllowed);
        Assert.Contains("2026-12-20T21:00:00", transition.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Eligibility_AnsweredPending_OpensCoolDownAfterTheResponse()
    {
        var response = Utc.At("2026-11-23T15:00:00Z");
        var answered = Open with { FirstResponseAt = response, Outcome = SlaStatus.Met };

        var eligibility = Lifecycle.Eligibility(answered, response + TimeSpan.FromDays(30));

        Assert.Equal(new HandoffEligibility(true, response, response + TimeSpan.FromDays(30)), eligibility);
    }

    [Theory]
    [InlineData(HandoffStatus.Pending)]
    [InlineData(HandoffStatus.Accepted)]
    public void Eligibility_UnansweredOpen_NeverByItself(HandoffStatus status)
    {
        Assert.Equal(new HandoffEligibility(false), Lifecycle.Eligibility(Open with { Status = status }, HandoffAt.AddYears(1)));
    }

    [Fact]
    public void Eligibility_CustomCoolDown_Used()
    {
        var lifecycle = new HandoffLifecycle(TimeSpan.FromDays(7));

        Assert.True(lifecycle.Eligibility(Open with { Status = HandoffStatus.Rejected }, HandoffAt.AddDays(7)).Open);
        Assert.False(lifecycle.Eligibility(Open with { Status = HandoffStatus.Rejected }, HandoffAt.AddDays(7).AddTicks(-1)).Open);
    }

    [Fact]
    public void Constructor_NonPositiveCoolDown_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandoffLifecycle(TimeSpan.Zero));
    }

    [Fact]
    public void From_AlignmentState_OnlyMetAndBreachedAreOutcomes()
    {
        var state = HandoffLifecycleState.From(AlignmentState.Empty with { HandoffStatus = HandoffStatus.Pending, HandoffAt = HandoffAt, SlaDue = Due, SlaStatus = SlaStatus.AtRisk });

        Assert.Null(state.Outcome);
        Assert.Equal(HandoffStatus.Pending, state.Status);
    }

    [Fact]
    public void Decide_RejectedAfterCoolDownWithNewSignal_HandsOffAgain()
    {
        var asOf = HandoffAt.AddDays(31);
        var account = new Account
        {
            Id = "001A",
            Current = AlignmentState.Empty with { HandoffStatus = HandoffStatus.Rejected, HandoffAt = HandoffAt, SlaDue = Due },
            Signals = [new Signal(SignalKind.MeetingBooked, asOf.AddDays(-1), "003A01")],
        };

        var decision = HandoffRules.Default.Decide(account, Tier.Tier1, 90, 60, new SlaClock(SlaPolicy.Default), asOf);

        Assert.Equal("tier1-meeting", decision?.Rule);
        Assert.Equal(asOf, decision?.At);
    }

    [Fact]
    public void Decide_RecycledAfterCoolDownOnlyOldSignals_NoHandoff()
    {
        // The pricing views that led to the first handoff do not count again: re-entry needs new signals.
        var asOf = HandoffAt.AddDays(31);
        Signal[] old = [.. Enumerable.Range(1, 3).Select(i => new Signal(SignalKind.PricingPageView, HandoffAt.AddHours(-i), "003A01"))];
        var account = new Account
        {
            Id = "001A",
            Current = AlignmentState.Empty with { HandoffStatus = HandoffStatus.Recycled, HandoffAt = HandoffAt, SlaDue = Due },
            Signals = [.. old],
        };
        var rules = new HandoffRules(
            [new HandoffRule("pricing-surge", [Tier.Tier1], new HandoffMatch([SignalKind.PricingPageView], null, TimeSpan.FromDays(60), minCount: 3))]);

        Assert.Null(rules.Decide(account, Tier.Tier1, 90, 60, new SlaClock(SlaPolicy.Default), asOf));
    }
}
