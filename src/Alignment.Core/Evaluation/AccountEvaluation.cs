using System.Collections.Immutable;
using Alignment.Core.Tiers;

namespace Alignment.Core.Evaluation;

/// <summary>
/// What the connector concludes about one account at one instant. Scores are integers in 0..100 (each the rounded
/// unrounded component; <see cref="Score"/> is rounded from the unrounded components).
/// </summary>
public sealed record AccountEvaluation
{
    public required string AccountId { get; init; }
    public required int Fit { get; init; }
    public required int Intent { get; init; }
    public required int Engagement { get; init; }

    /// <summary>The composite score.</summary>
    public required int Score { get; init; }

    /// <summary>The tier to hold: the current one when the tier is locked, else <see cref="SuggestedTier"/>.</summary>
    public required Tier Tier { get; init; }

    /// <summary>The tier the rules give (hysteresis and dwell applied), whether or not the tier is locked.</summary>
    public required Tier SuggestedTier { get; init; }

    /// <summary>A move up waiting out the upgrade dwell; keep it and pass it to the next evaluation. Null when none.</summary>
    public TierCandidate? PendingUpgrade { get; init; }

    /// <summary>Up to three reasons, biggest contribution first.</summary>
    public required ImmutableArray<string> Reasons { get; init; }

    /// <summary>The <c>version</c> of the model that produced this evaluation.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>The evaluation instant (UTC).</summary>
    public required DateTimeOffset AsOf { get; init; }
}
