using System.Collections.Immutable;
using Alignment.Core.Tiers;

namespace Alignment.Core.Handoffs;

/// <summary>
/// One handoff rule of the model file: an account whose effective tier is in <see cref="Tiers"/> (empty: any tier,
/// including none), whose reported fit and intent reach <see cref="MinFit"/> and <see cref="MinIntent"/> (0–100,
/// null: no condition), and whose signals match every one of <see cref="Patterns"/> (the model file's <c>match</c> and
/// <c>allOf</c>: "3+ email opens AND a pricing visit"), is handed off under <see cref="Id"/>.
/// </summary>
public sealed record HandoffRule
{
    public HandoffRule(string id, IEnumerable<Tier>? tiers, HandoffMatch match, int? minFit = null, int? minIntent = null)
        : this(id, tiers, [match ?? throw new ArgumentNullException(nameof(match))], minFit, minIntent)
    {
    }

    /// <param name="id">The rule's name.</param>
    /// <param name="tiers">The effective tiers it applies to (empty: any).</param>
    /// <param name="patterns">Signal patterns that must all match (at least one).</param>
    /// <param name="minFit">Least reported fit, or null.</param>
    /// <param name="minIntent">Least reported intent, or null.</param>
    public HandoffRule(string id, IEnumerable<Tier>? tiers, IReadOnlyList<HandoffMatch> patterns, int? minFit = null, int? minIntent = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count == 0 || patterns.Any(p => p is null))
        {
            throw new ArgumentException("A rule needs at least one signal pattern.", nameof(patterns));
        }

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
        Patterns = [.. patterns];
        MinFit = minFit;
        MinIntent = minIntent;
    }

    /// <summary>Written to the handoff rule field; unique within the model.</summary>
    public string Id { get; }

    public ImmutableArray<Tier> Tiers { get; }

    /// <summary>The first pattern (the model file's <c>match</c>, else the first of <c>allOf</c>).</summary>
    public HandoffMatch Match => Patterns[0];

    /// <summary>Every pattern the signals must match (AND).</summary>
    public ImmutableArray<HandoffMatch> Patterns { get; }

    public int? MinFit { get; }

    public int? MinIntent { get; }

    /// <summary>Whether the signals match every pattern, counting only signals after <paramref name="signalsAfter"/> when set.</summary>
    public bool IsMatchedBy(IReadOnlyCollection<Signals.Signal> signals, DateTimeOffset asOf, DateTimeOffset? signalsAfter)
    {
        foreach (var pattern in Patterns)
        {
            if (!pattern.IsMatchedBy(signals, asOf, signalsAfter))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the tier, fit and intent conditions hold (signals aside).</summary>
    public bool Admits(Tier effectiveTier, int fit, int intent) =>
        (Tiers.IsEmpty || Tiers.Contains(effectiveTier))
        && (MinFit is not { } minFit || fit >= minFit)
        && (MinIntent is not { } minIntent || intent >= minIntent);
}
