namespace Alignment.Core.Handoffs;

/// <summary>
/// The result of applying a <see cref="HandoffEvent"/>: the next state, or — for an event the lifecycle does not allow
/// in that state — the unchanged state and the reason (<see cref="Problem"/>). Never an exception.
/// </summary>
public sealed record HandoffTransition
{
    private HandoffTransition(HandoffLifecycleState state, string? problem)
    {
        State = state;
        Problem = problem;
    }

    /// <summary>The state after the event; the state before when <see cref="IsAllowed"/> is false.</summary>
    public HandoffLifecycleState State { get; }

    /// <summary>Why the event is not allowed; null when it is.</summary>
    public string? Problem { get; }

    public bool IsAllowed => Problem is null;

    public static HandoffTransition Allowed(HandoffLifecycleState state) => new(state ?? throw new ArgumentNullException(nameof(state)), null);

    public static HandoffTransition Illegal(HandoffLifecycleState unchanged, string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        return new(unchanged ?? throw new ArgumentNullException(nameof(unchanged)), problem);
    }
}
