using Alignment.Core.Tiers;

namespace Alignment.Core.Handoffs;

/// <summary>A new handoff decided in an evaluation.</summary>
/// <remarks>Invariant: <see cref="SlaDue"/> is not before <see cref="At"/>.</remarks>
public sealed record HandoffDecision
{
    public HandoffDecision(string rule, DateTimeOffset at, Tier tier, DateTimeOffset slaDue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        if (!Enum.IsDefined(tier))
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier.");
        }

        if (slaDue < at)
        {
            throw new ArgumentException("The SLA due instant cannot be before the handoff.", nameof(slaDue));
        }

        Rule = rule;
        At = at;
        Tier = tier;
        SlaDue = slaDue;
    }

    /// <summary>The id of the first rule that matched.</summary>
    public string Rule { get; }

    /// <summary>The handoff instant: the evaluation's asOf (UTC).</summary>
    public DateTimeOffset At { get; }

    /// <summary>The account's effective tier at handoff (<see cref="Tier.None"/>: without tier).</summary>
    public Tier Tier { get; }

    /// <summary>The SLA deadline, set by the tier at handoff in the owner's business calendar (UTC).</summary>
    public DateTimeOffset SlaDue { get; }
}
