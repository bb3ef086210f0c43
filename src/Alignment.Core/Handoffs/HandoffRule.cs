using System.Collections.Immutable;
using Alignment.Core.Tiers;

namespace Alignment.Core.Handoffs;

/// <summary>
/// One handoff rule of the model file: an account whose effective tier is in <see cref="Tiers"/> (empty: any tier,
/// including none), whose reported fit and intent reach <see cref="MinFit"/> and <see cref="MinIntent"/> (0–100,
/// null: no condition), and whose signals match <see cref="Match"/>, is handed off under <see cref="Id"/>.
/// </summary>
public sealed record HandoffRule
{
    public HandoffRule(string id, IEnumerable<Tier>? tiers, HandoffMatch match, int? minFit = null, int? minIntent = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Tiers = [.. (tiers ?? []).Distinct()];
        if (Tiers.Any(t => !Enum.IsDefined(t)))
        {
            throw new ArgumentException("Unknown tier.", nameof(tiers));
        }

        if (minFit is < 0 or > 100 || minIntent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(minFit), "Minimum fit and intent are in [0, 100].");
        }

        Id = id;
        Match = match ?? throw new ArgumentNullException(nameof(match));
        MinFit = minFit;
        MinIntent = minIntent;
    }

    /// <summary>Written to the handoff rule field; unique within the model.</summary>
    public string Id { get; }

    public ImmutableArray<Tier> Tiers { get; }

    public HandoffMatch Match { get; }

    public int? MinFit { get; }

    public int? MinIntent { get; }

    /// <summary>Whether the tier, fit and intent conditions hold (signals aside).</summary>
    public bool Admits(Tier effectiveTier, int fit, int intent) =>
        (Tiers.IsEmpty || Tiers.Contains(effectiveTier))
        && (MinFit is not { } minFit || fit >= minFit)
        && (MinIntent is not { } minIntent || intent >= minIntent);
}
