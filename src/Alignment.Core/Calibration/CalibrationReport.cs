using System.Collections.Immutable;

namespace Alignment.Core.Calibration;

/// <summary>
/// Everything a calibration finds (docs/calibration.md): the closed opportunities used and skipped, AUC per
/// dimension, lift by decile, outcomes by tier, segment drift, and the proposal with its what-if migration and field
/// diff. Scores are those at each opportunity's creation; migration and diff are over all accounts at <see cref="AsOf"/>.
/// </summary>
public sealed record CalibrationReport
{
    public required string ModelVersion { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    public required int Accounts { get; init; }
    public required int Opportunities { get; init; }
    public required int Won { get; init; }
    public required ImmutableDictionary<OpportunitySkipReason, int> Skipped { get; init; }
    public required ImmutableArray<AucEstimate> Dimensions { get; init; }
    public required ImmutableArray<LiftDecile> Lift { get; init; }
    public required ImmutableArray<TierOutcome> Tiers { get; init; }
    public required ImmutableArray<SegmentDrift> Segments { get; init; }
    public required SegmentRule SegmentRule { get; init; }
    public required ModelProposal Proposal { get; init; }
    public required ImmutableArray<TierMigration> Migration { get; init; }
    public required FieldDiff FieldDiff { get; init; }
    public required CalibrationOptions Options { get; init; }
}
