using System.Globalization;
using System.Text.Json.Nodes;
using Alignment.Sync.Alerts;
using Alignment.Sync.Calibration;

namespace Alignment.Slack.Messages;

/// <summary>
/// Renders the monthly <see cref="AlertLevel.Calibration"/> summary (docs/calibration.md, "Monthly summary"): how well
/// each dimension separates won from lost (ROC AUC with its interval), win rate by tier, the flagged segments, and the
/// suggested weights with the command that writes the proposal for review. Nothing is applied. Pure.
/// </summary>
internal static class CalibrationRenderer
{
    private const int SectionMax = 3000;

    public static JsonObject Render(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var summary = alert.Calibration ?? throw new ArgumentException("A calibration alert carries its summary.", nameof(alert));
        var drift = summary.SegmentsFlagged switch
        {
            0 => "no segment flagged",
            1 => "1 segment flagged",
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} segments flagged"),
        };
        var title = $"Monthly calibration: model {summary.ModelVersion}, {drift}";
        var lead = string.Create(CultureInfo.InvariantCulture,
            $"{summary.Opportunities} closed opportunities in the last {summary.WindowDays} days ({summary.Won} won, {Percent(summary.Opportunities == 0 ? null : (double)summary.Won / summary.Opportunities)}), {summary.Accounts} accounts scored as of each opportunity's creation{(summary.Skipped > 0 ? $"; {summary.Skipped} skipped" : "")}.");

        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = SlackMessageRenderer.PlainText(SlackText.Truncate(title, 150)) },
            Section(lead),
            Section("*Separation of won from lost (ROC AUC, 0.5 = chance)*\n" + string.Join("\n", summary.Dimensions.Select(Dimension))),
            Section("*Win rate by tier (score alone)*\n" + string.Join("\n", summary.Tiers.Select(Tier))),
        };

        if (summary.Segments.Count > 0)
        {
            var lines = summary.Segments.Select(Segment).ToList();
            if (summary.SegmentsFlagged > summary.Segments.Count)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"…and {summary.SegmentsFlagged - summary.Segments.Count} more (`alignment calibrate` lists them all)."));
            }

            blocks.Add(Section("*Flagged: high-tier accounts that win materially less than high tier overall*\n" + string.Join("\n", lines)));
        }

        blocks.Add(Section(string.Create(CultureInfo.InvariantCulture,
            $"*Suggested weights* fit {summary.FitWeight} · intent {summary.IntentWeight} · engagement {summary.EngagementWeight} (proposal {SlackText.Escape(summary.ProposedVersion)}). Nothing is applied: `alignment calibrate --propose proposed.json --html report.html` writes the proposal and the what-if for review.")));
        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray { SlackMessageRenderer.Mrkdwn($"Run `{SlackText.Escape(alert.AccountId)}` at {SlackMessageRenderer.Utc(alert.HandoffAt)} · Alignment calibration") },
        });

        return new JsonObject { ["text"] = $"{title}.", ["blocks"] = blocks };
    }

    private static string Dimension(CalibrationSummaryDimension d) =>
        d.Auc is { } auc
            ? string.Create(CultureInfo.InvariantCulture, $"• {d.Dimension}: *{auc:0.000}*{(d.Low is { } low && d.High is { } high ? $" [{low:0.000}, {high:0.000}]" : "")}")
            : $"• {d.Dimension}: not defined (needs both won and lost)";

    private static string Tier(CalibrationSummaryTier t) =>
        string.Create(CultureInfo.InvariantCulture,
            $"• {SlackMessageRenderer.TierText(t.Tier)}: {t.Won}/{t.Opportunities} won ({Percent(t.WinRate)}), pipeline {t.Pipeline:#,0}");

    private static string Segment(CalibrationSummarySegment s) =>
        string.Create(CultureInfo.InvariantCulture,
            $"• {SlackText.Escape(s.Attribute)} = {SlackText.Escape(s.Value)}: {s.Won}/{s.Opportunities} won ({Percent(s.WinRate)}{(s.Low is { } low && s.High is { } high ? $", {Percent(low)}–{Percent(high)}" : "")})");

    private static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";

    private static JsonObject Section(string text) =>
        new() { ["type"] = "section", ["text"] = SlackMessageRenderer.Mrkdwn(SlackText.Truncate(text, SectionMax)) };
}
