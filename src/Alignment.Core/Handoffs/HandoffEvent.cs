namespace Alignment.Core.Handoffs;

/// <summary>One event of a handoff's life at instant <see cref="At"/> (UTC).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Due">The SLA due instant of a <see cref="HandoffEventKind.HandOff"/> (not before <paramref name="At"/>); null for other kinds.</param>
public sealed record HandoffEvent(HandoffEventKind Kind, DateTimeOffset At, DateTimeOffset? Due = null)
{
    /// <summary>A new handoff at <paramref name="at"/> due at <paramref name="due"/>.</summary>
    public static HandoffEvent HandOff(DateTimeOffset at, DateTimeOffset due) => new(HandoffEventKind.HandOff, at, due);
}
