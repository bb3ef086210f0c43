using Alignment.Core.Handoffs;
using Alignment.Core.Sla;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Core.Tests.Handoffs;

public sealed class HandoffLifecyclePropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HandoffLifecycle Lifecycle = new(TimeSpan.FromDays(14));

    /// <summary>Events at increasing instants (minutes apart), hand-offs with a due 0–72 h later.</summary>
    private static readonly Gen<List<HandoffEvent>> Histories =
        from steps in Gen.ListOf(
            from kind in Gen.Elements(Enum.GetValues<HandoffEventKind>())
            from gap in Gen.Choose(0, 20 * 24 * 60)
            from dueHours in Gen.Choose(0, 72)
            select (kind, gap, dueHours))
        select Replay(steps);

    private static List<HandoffEvent> Replay(IEnumerable<(HandoffEventKind Kind, int Gap, int DueHours)> steps)
    {
        var at = Start;
        var events = new List<HandoffEvent>();
        foreach (var (kind, gap, dueHours) in steps)
        {
            at = at.AddMinutes(gap);
            events.Add(new HandoffEvent(kind, at, kind == HandoffEventKind.HandOff ? at.AddHours(dueHours) : null));
        }

        return events;
    }

    private static IEnumerable<(HandoffLifecycleState Before, HandoffEvent Event, HandoffTransition After)> Run(List<HandoffEvent> events)
    {
        var state = HandoffLifecycleState.Initial;
        foreach (var @event in events)
        {
            var transition = Lifecycle.Apply(state, @event);
            yield return (state, @event, transition);
            state = transition.State;
        }
    }

    [Fact]
    public void Apply_AnyHistory_EveryStateKeepsTheInvariants()
    {
        Prop.ForAll(Histories.ToArbitrary(), events => Run(events).All(step =>
        {
            var s = step.After.State;
            return (s.Status == HandoffStatus.None || s.HandoffAt is not null)
                && !(s.Due < s.HandoffAt)
                && !(s.FirstResponseAt < s.HandoffAt)
                && (s.Outcome is null or SlaStatus.Met or SlaStatus.Breached)
                && (s.Outcome != SlaStatus.Met || (s.FirstResponseAt is { } r && r <= s.Due))
                && (s.Answered ? s.Outcome is not null : s.Outcome is null or SlaStatus.Breached);
        })).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Apply_IllegalEvent_LeavesTheStateUnchanged()
    {
        Prop.ForAll(Histories.ToArbitrary(), events => Run(events)
            .Where(step => !step.After.IsAllowed)
            .All(step => ReferenceEquals(step.Before, step.After.State) && !string.IsNullOrWhiteSpace(step.After.Problem)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Apply_AllowedEvent_FollowsTheTable()
    {
        Prop.ForAll(Histories.ToArbitrary(), events => Run(events)
            .Where(step => step.After.IsAllowed)
            .All(step => HandoffLifecycle.Target(step.Before.Status, step.Event.Kind) == step.After.State.Status))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Apply_SettledOutcome_ChangesOnlyWithANewHandoff()
    {
        Prop.ForAll(Histories.ToArbitrary(), events => Run(events).All(step =>
            step.Before.Outcome is null
            || step.After.State.Outcome == step.Before.Outcome
            || (step.Event.Kind == HandoffEventKind.HandOff && step.After.IsAllowed)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Apply_ReEntry_NeverBeforeTheCoolDownNorWhileUnanswered()
    {
        Prop.ForAll(Histories.ToArbitrary(), events => Run(events)
            .Where(step => step.Event.Kind == HandoffEventKind.HandOff && step.After.IsAllowed && step.Before.Status != HandoffStatus.None)
            .All(step =>
            {
                var closedAt = step.Before.FirstResponseAt ?? step.Before.HandoffAt;
                var unansweredOpen = step.Before.Status is HandoffStatus.Pending or HandoffStatus.Accepted && !step.Before.Answered;
                return !unansweredOpen && (closedAt is null || step.Event.At >= closedAt + Lifecycle.CoolDown);
            }))
            .QuickCheckThrowOnFailure();
    }
}
