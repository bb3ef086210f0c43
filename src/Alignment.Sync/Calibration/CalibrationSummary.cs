using Alignment.Core.Calibration;
using Alignment.Core.Tiers;

namespace Alignment.Sync.Calibration;

/// <summary>
/// The monthly calibration's message (docs/calibration.md, "Monthly summary"): what the weekly sync needs to decide
/// whether to review the model, small enough to store with its alert in the ledger (segments capped).
/// </summary>
public sealed record CalibrationSummary
{
    /// <summary>The most flagged segments listed; the rest are counted in <see cref="SegmentsFlagged"/>.</summary>
    public const int MaxSegmentsListed = 5;

    public required string ModelVersion { get; init; }
    public required string ProposedVersion { get; init; }
    public required int WindowDays { get; init; }
    public required int Accounts { get; init; }
    public required int Opportunities { get; init; }
    public required int Won { get; init; }
    public required int Skipped { get; init; }
    public required IReadOnlyList<CalibrationSummaryDimension> Dimensions { get; init; }
    public required IReadOnlyList<CalibrationSummaryTier> Tiers { get; init; }
    public required IReadOnlyList<CalibrationSummarySegment> Segments { get; init; }
    public required int SegmentsFlagged { get; init; }

    /// <summary>Suggested weights (fit, intent, engagement), never applied.</summary>
    public required int FitWeight { get; init; }

    public required int IntentWeight { get; init; }
    public required int EngagementWeight { get; init; }

    public static CalibrationSummary From(CalibrationReport report, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(report);
        var flagged = report.Segments.Where(s => s.Flagged).ToList();
        return new CalibrationSummary
        {
            ModelVersion = report.ModelVersion,
            ProposedVersion = report.Proposal.Model.Version,
            WindowDays = windowDays,
            Accounts = report.Accounts,
            Opportunities = report.Opportunities,
            Won = report.Won,
            Skipped = report.Skipped.Values.Sum(),
            Dimensions = [.. report.Dimensions.Select(d => new CalibrationSummaryDimension(d.Dimension.ToString(), d.Auc, d.Low, d.High))],
            Tiers = [.. report.Tiers.Select(t => new CalibrationSummaryTier(t.Tier, t.Opportunities, t.Won, t.WinRate, t.Pipeline))],
            Segments = [.. flagged.OrderBy(s => s.WinRate).ThenByDescending(s => s.Opportunities).Take(MaxSegmentsListed)
                .Select(s => new CalibrationSummarySegment(s.Attribute, s.Value, s.Opportunities, s.Won, s.WinRate, s.Low, s.High))],
            SegmentsFlagged = flagged.Count,
            FitWeight = report.Proposal.Weights.Fit,
            IntentWeight = report.Proposal.Weights.Intent,
            EngagementWeight = report.Proposal.Weights.Engagement,
        };
    }
}

/// <summary>One dimension's ROC AUC with its bootstrap interval (null when undefined: no wins or no losses).</summary>
public sealed record CalibrationSummaryDimension(string Dimension, double? Auc, double? Low, double? High);

/// <summary>Win rate and pipeline of the opportunities whose account the score alone put in <paramref name="Tier"/>.</summary>
public sealed record CalibrationSummaryTier(Tier Tier, int Opportunities, int Won, double? WinRate, decimal Pipeline);

/// <summary>A flagged segment: its high-tier accounts win materially below the high-tier rate overall.</summary>
public sealed record CalibrationSummarySegment(string Attribute, string Value, int Opportunities, int Won, double WinRate, double? Low, double? High);
