using System.Collections.Frozen;
using System.Globalization;
using Alignment.Core.Sla;

namespace Alignment.Core.Handoffs;

/// <summary>
/// The handoff lifecycle as a state machine (docs/handoff-sla.md, "Lifecycle"): a transition table from (status, event)
/// to the next status, plus guards on instants (an answer not before the handoff, a breach only past due, a re-entry
/// only after the cool-down). An event the table does not allow is a value (<see cref="HandoffTransition.Illegal"/>),
/// never an exception. Pure and immutable.
/// </summary>
public sealed class HandoffLifecycle
{
    /// <summary>The default cool-down before a closed handoff's account may be handed off again: 30 days.</summary>
    public static readonly TimeSpan DefaultCoolDown = TimeSpan.FromDays(30);

    private static readonly FrozenDictionary<(HandoffStatus From, HandoffEventKind Event), HandoffStatus> Table =
        new Dictionary<(HandoffStatus, HandoffEventKind), HandoffStatus>
        {
            [(HandoffStatus.None, HandoffEventKind.HandOff)] = HandoffStatus.Pending,

            [(HandoffStatus.Pending, HandoffEventKind.Answer)] = HandoffStatus.Pending,
            [(HandoffStatus.Pending, HandoffEventKind.Breach)] = HandoffStatus.Pending,
            [(HandoffStatus.Pending, HandoffEventKind.Accept)] = HandoffStatus.Accepted,
            [(HandoffStatus.Pending, HandoffEventKind.Reject)] = HandoffStatus.Rejected,
            [(HandoffStatus.Pending, HandoffEventKind.Recycle)] = HandoffStatus.Recycled,
            [(HandoffStatus.Pending, HandoffEventKind.RecycleDue)] = HandoffStatus.Recycled,
            [(HandoffStatus.Pending, HandoffEventKind.Reset)] = HandoffStatus.None,
            [(HandoffStatus.Pending, HandoffEventKind.HandOff)] = HandoffStatus.Pending,

            [(HandoffStatus.Accepted, HandoffEventKind.Answer)] = HandoffStatus.Accepted,
            [(HandoffStatus.Accepted, HandoffEventKind.Breach)] = HandoffStatus.Accepted,
            [(HandoffStatus.Accepted, HandoffEventKind.Reject)] = HandoffStatus.Rejected,
            [(HandoffStatus.Accepted, HandoffEventKind.Recycle)] = HandoffStatus.Recycled,
            [(HandoffStatus.Accepted, HandoffEventKind.Reset)] = HandoffStatus.None,
            [(HandoffStatus.Accepted, HandoffEventKind.HandOff)] = HandoffStatus.Pending,

            [(HandoffStatus.Rejected, HandoffEventKind.Reset)] = HandoffStatus.None,
            [(HandoffStatus.Rejected, HandoffEventKind.HandOff)] = HandoffStatus.Pending,

            [(HandoffStatus.Recycled, HandoffEventKind.Reset)] = HandoffStatus.None,
            [(HandoffStatus.Recycled, HandoffEventKind.HandOff)] = HandoffStatus.Pending,
        }.ToFrozenDictionary();

    /// <param name="coolDown">How long after a handoff closed (answered, rejected or recycled) before its account may be handed off again; positive.</param>
    public HandoffLifecycle(TimeSpan? coolDown = null)
    {
        var value = coolDown ?? DefaultCoolDown;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(coolDown));
        CoolDown = value;
    }

    public static HandoffLifecycle Default { get; } = new();

    public TimeSpan CoolDown { get; }

    /// <summary>The status an event leads to from <paramref name="from"/> in the table; null when the table has no such transition.</summary>
    public static HandoffStatus? Target(HandoffStatus from, HandoffEventKind kind) =>
        Table.TryGetValue((from, kind), out var to) ? to : null;

    /// <summary>
    /// Whether a handoff rule may be evaluated for an account in <paramref name="state"/> at <paramref name="asOf"/>:
    /// <list type="bullet">
    /// <item><see cref="HandoffStatus.None"/>: always, with all signals;</item>
    /// <item>an unanswered <see cref="HandoffStatus.Pending"/> or <see cref="HandoffStatus.Accepted"/> handoff: never (it is open);</item>
    /// <item>a closed handoff — answered, <see cref="HandoffStatus.Rejected"/> or <see cref="HandoffStatus.Recycled"/>: from
    /// its last known instant (the first response, else the handoff) plus <see cref="CoolDown"/> on, counting only signals
    /// after that instant.</item>
    /// </list>
    /// </summary>
    public HandoffEligibility Eligibility(HandoffLifecycleState state, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status == HandoffStatus.None)
        {
            return HandoffEligibility.Always;
        }

        if (state.Status is HandoffStatus.Pending or HandoffStatus.Accepted && !state.Answered)
        {
            return new HandoffEligibility(false);
        }

        if (ClosedAt(state) is not { } closedAt)
        {
            // A closed status without any instant (e.g. a rep set Rejected on an account never handed off): nothing to wait for.
            return HandoffEligibility.Always;
        }

        var opensAt = closedAt + CoolDown;
        return new HandoffEligibility(asOf >= opensAt, closedAt, opensAt);
    }

    /// <summary>Applies <paramref name="event"/> to <paramref name="state"/>; an event the lifecycle does not allow is returned as <see cref="HandoffTransition.Illegal"/>.</summary>
    public HandoffTransition Apply(HandoffLifecycleState state, HandoffEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        if (Target(state.Status, @event.Kind) is not { } to)
        {
            return HandoffTransition.Illegal(state, $"{@event.Kind} is not a transition from {state.Status}.");
        }

        return @event.Kind switch
        {
            HandoffEventKind.HandOff => HandOff(state, @event),
            HandoffEventKind.Answer => Answer(state, @event.At),
            HandoffEventKind.Breach => Breach(state, @event.At),
            HandoffEventKind.RecycleDue when state.Answered =>
                HandoffTransition.Illegal(state, "An answered handoff is not recycled by the clock."),
            _ => HandoffTransition.Allowed(state with { Status = to }),
        };
    }

    private HandoffTransition HandOff(HandoffLifecycleState state, HandoffEvent @event)
    {
        if (@event.Due is not { } due || due < @event.At)
        {
            return HandoffTransition.Illegal(state, "A handoff needs an SLA due instant not before the handoff.");
        }

        var eligibility = Eligibility(state, @event.At);
        if (!eligibility.Open)
        {
            return HandoffTransition.Illegal(state, eligibility.OpensAt is { } opensAt
                ? string.Create(CultureInfo.InvariantCulture, $"The account is cooling down after its last handoff until {opensAt:O}.")
                : "The account has an open, unanswered handoff.");
        }

        return HandoffTransition.Allowed(new HandoffLifecycleState(HandoffStatus.Pending, @event.At, due));
    }

    private static HandoffTransition Answer(HandoffLifecycleState state, DateTimeOffset at)
    {
        if (state.Answered)
        {
            return HandoffTransition.Illegal(state, "The handoff is already answered; only the first response counts.");
        }

        if (state.HandoffAt is not { } handoffAt || at < handoffAt)
        {
            return HandoffTransition.Illegal(state, "A response before the handoff does not answer it.");
        }

        var outcome = state.Outcome == SlaStatus.Breached || (state.Due is { } due && at > due) ? SlaStatus.Breached : SlaStatus.Met;
        return HandoffTransition.Allowed(state with { FirstResponseAt = at, Outcome = outcome });
    }

    private static HandoffTransition Breach(HandoffLifecycleState state, DateTimeOffset at)
    {
        if (state.Outcome is not null || state.Answered)
        {
            return HandoffTransition.Illegal(state, "The SLA outcome is already settled.");
        }

        if (state.Due is not { } due || at <= due)
        {
            return HandoffTransition.Illegal(state, "A handoff is breached only after its due instant.");
        }

        return HandoffTransition.Allowed(state with { Outcome = SlaStatus.Breached });
    }

    private static DateTimeOffset? ClosedAt(HandoffLifecycleState state) => state.FirstResponseAt ?? state.HandoffAt;
}
