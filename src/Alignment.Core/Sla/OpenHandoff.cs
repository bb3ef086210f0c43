using Alignment.Core.Tiers;

namespace Alignment.Core.Sla;

/// <summary>
/// A handoff awaiting the owner's answer, as the SLA clock needs it.
/// </summary>
public sealed record OpenHandoff
{
    /// <param name="handoffAt">When the handoff was decided (UTC instant).</param>
    /// <param name="tierAtHandoff">The account's tier at handoff; null or <see cref="Tier.None"/> means "without tier".</param>
    /// <param name="due">The deadline already set (e.g. read from the CRM); null means "compute it from the tier". Not before <paramref name="handoffAt"/>.</param>
    public OpenHandoff(DateTimeOffset handoffAt, Tier? tierAtHandoff = null, DateTimeOffset? due = null)
    {
        if (tierAtHandoff is { } tier && !Enum.IsDefined(tier))
        {
            throw new ArgumentOutOfRangeException(nameof(tierAtHandoff), tierAtHandoff, "Unknown tier.");
        }

        if (due < handoffAt)
        {
            throw new ArgumentException($"The SLA due instant {due:O} is before the handoff {handoffAt:O}.", nameof(due));
        }

        HandoffAt = handoffAt;
        TierAtHandoff = tierAtHandoff;
        Due = due;
    }

    public DateTimeOffset HandoffAt { get; }

    public Tier? TierAtHandoff { get; }

    public DateTimeOffset? Due { get; }
}
