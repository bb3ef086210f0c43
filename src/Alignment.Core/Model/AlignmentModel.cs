using Alignment.Core.Handoffs;
using Alignment.Core.Sla;

namespace Alignment.Core.Model;

/// <summary>
/// The parsed, validated scoring model (<c>config/scoring.json</c>). Build it with <see cref="ModelFileReader.Read"/>,
/// which refuses an invalid file; a model built by hand is not validated.
/// </summary>
public sealed record AlignmentModel
{
    /// <summary>Written with every score (e.g. <c>2026.11.0</c>).</summary>
    public required string Version { get; init; }

    public required ScoreWeights Weights { get; init; }
    public required FitModel Fit { get; init; }
    public required SignalScoreModel Intent { get; init; }
    public required SignalScoreModel Engagement { get; init; }
    public required TierThresholds Tiers { get; init; }

    /// <summary>The handoff rules (<c>$.handoff</c>); the four defaults in docs/handoff-sla.md when the section is absent.</summary>
    public HandoffRules Handoff { get; init; } = HandoffRules.Default;

    /// <summary>The SLA policy (<c>$.sla</c>); the defaults in docs/handoff-sla.md when the section is absent.</summary>
    public SlaPolicy Sla { get; init; } = SlaPolicy.Default;
}
