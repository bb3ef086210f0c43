using Alignment.Core.Handoffs;
using Alignment.Core.Tiers;
using Alignment.Sync.Crm;

namespace Alignment.Sync.History;

/// <summary>
/// The part of a write the scoreboard's tier movements read (docs/scoreboard.md, "Tier movements"): a change of the
/// tier, and a handoff status changed to <see cref="HandoffStatus.Recycled"/> (recycled to nurture).
/// </summary>
public static class TierMovement
{
    private static readonly string Recycled = HandoffStatus.Recycled.ToString();

    /// <summary>The write with only its tier and recycle changes; null when it has neither.</summary>
    public static AccountChange? Of(AccountChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var kept = change.Changes
            .Where(c => (c.Field == AlignmentField.Tier && !string.Equals(c.OldValue ?? nameof(Tier.None), c.NewValue ?? nameof(Tier.None), StringComparison.Ordinal))
                || (c.Field == AlignmentField.HandoffStatus && c.NewValue == Recycled && c.OldValue != Recycled))
            .ToList();
        return kept.Count == 0 ? null : change with { Changes = kept };
    }

    /// <summary>A tier written as text (null or empty: <see cref="Tier.None"/>).</summary>
    public static Tier TierOf(string? text) =>
        Enum.TryParse<Tier>(text, out var tier) && Enum.IsDefined(tier) ? tier : Tier.None;
}
