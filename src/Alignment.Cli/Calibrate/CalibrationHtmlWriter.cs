using System.Globalization;
using System.Net;
using System.Text;
using Alignment.Core.Calibration;

namespace Alignment.Cli.Calibrate;

/// <summary>
/// The HTML report of <c>alignment calibrate --html</c>: one self-contained page (inline CSS and SVG charts; no
/// script, font or image fetched from anywhere) with the ROC curves, lift and tier win rates, the flagged segments,
/// the suggestion, the migration matrix and the rollout diff.
/// </summary>
internal static class CalibrationHtmlWriter
{
    public static string Write(CalibrationReport report)
    {
        var html = new StringBuilder();
        var rule = report.SegmentRule;
        var proposal = report.Proposal;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Calibration of model ")
            .Append(E(report.ModelVersion)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2rem;color:#222;max-width:1200px}")
            .Append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}th{background:#f3f3f3}")
            .Append("td:first-child,th:first-child{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{border:1px solid #ddd}")
            .Append(".flag{color:#b00020;font-weight:600}.note{color:#555}")
            // The charts are laid out with Helvetica metrics; these fonts share them, so labels fit as drawn.
            .Append(".chart svg text{font-family:Helvetica,Arial,'Liberation Sans',sans-serif}</style></head><body>\n");
        html.Append(F($"<h1>Calibration of model {E(report.ModelVersion)}</h1>\n<p>{report.Opportunities} closed opportunities ({report.Won} won, {report.Opportunities - report.Won} lost), each account scored as of the opportunity's creation; {report.Accounts} accounts as of {report.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Skipped: "))
            .Append(string.Join(", ", report.Skipped.OrderBy(s => s.Key).Select(s => F($"{s.Value} {s.Key}")))).Append(".</p>\n");

        html.Append("<div class=\"charts\">");
        foreach (var svg in new[] { CalibrationCharts.Roc(report), CalibrationCharts.Lift(report), CalibrationCharts.TierWinRates(report) })
        {
            html.Append("<div class=\"chart\">").Append(svg).Append("</div>");
        }

        html.Append("</div>\n<h2>ROC AUC</h2><table><tr><th>dimension</th><th>AUC</th><th>")
            .Append(E(P(report.Options.Level))).Append(" bootstrap interval</th></tr>");
        foreach (var e in report.Dimensions)
        {
            html.Append(F($"<tr><td>{e.Dimension}</td><td>{N(e.Auc)}</td><td>{N(e.Low)} – {N(e.High)}</td></tr>"));
        }

        html.Append("</table>\n<h2>Win rate and pipeline by tier</h2><table><tr><th>tier</th><th>opportunities</th><th>won</th><th>win rate</th><th>pipeline</th><th>won amount</th></tr>");
        foreach (var t in report.Tiers)
        {
            html.Append(F($"<tr><td>{t.Tier}</td><td>{t.Opportunities}</td><td>{t.Won}</td><td>{(t.WinRate is { } r ? P(r) : "–")}</td><td>{t.Pipeline:N0}</td><td>{t.WonAmount:N0}</td></tr>"));
        }

        html.Append(F($"</table>\n<h2>Segment drift</h2><p>High-tier (Tier1, Tier2) win rate overall: {(rule.OverallRate is { } p ? P(p) : "–")} over {rule.OverallOpportunities} opportunities. {rule.Tested} segments with at least {rule.MinimumOpportunities} high-tier opportunities were tested; a segment is flagged when its Wilson interval at family-wise {P(rule.Level)} (Bonferroni) lies wholly below the overall rate and its win rate is at least {P(rule.MaterialGap)} below it.</p>"));
        html.Append("<table><tr><th>attribute</th><th>value</th><th>high-tier opps</th><th>won</th><th>win rate</th><th>interval</th><th>flagged</th></tr>");
        foreach (var s in report.Segments.Where(s => s.Tested).OrderByDescending(s => s.Flagged).ThenBy(s => s.WinRate))
        {
            html.Append(F($"<tr><td>{E(s.Attribute)}</td><td>{E(s.Value)}</td><td>{s.Opportunities}</td><td>{s.Won}</td><td>{P(s.WinRate)}</td><td>{P(s.Low ?? 0)} – {P(s.High ?? 0)}</td><td>{(s.Flagged ? "<span class=\"flag\">flagged</span>" : "")}</td></tr>"));
        }

        html.Append(F($"</table>\n<h2>Suggestion (not applied)</h2><p>Model {E(proposal.Model.Version)}: weights fit {proposal.Weights.Fit} %, intent {proposal.Weights.Intent} %, engagement {proposal.Weights.Engagement} %; thresholds Tier1 {proposal.Thresholds.Tier1}, Tier2 {proposal.Thresholds.Tier2}, Tier3 {proposal.Thresholds.Tier3} for capacities {P(proposal.Capacities.Tier1)} / {P(proposal.Capacities.Tier2)} / {P(proposal.Capacities.Tier3)}. Cross-validated AUC {N(proposal.Weights.CrossValidatedAuc)}. <span class=\"note\">{E(proposal.Weights.Note)}</span></p>"));
        html.Append("<table><tr><th>current \\ proposed</th>");
        foreach (var to in TierOutcomes.Order)
        {
            html.Append(F($"<th>{to}</th>"));
        }

        html.Append("</tr>");
        foreach (var from in TierOutcomes.Order)
        {
            html.Append(F($"<tr><td>{from}</td>"));
            foreach (var to in TierOutcomes.Order)
            {
                html.Append(F($"<td>{report.Migration.First(c => c.From == from && c.To == to).Accounts}</td>"));
            }

            html.Append("</tr>");
        }

        var diff = report.FieldDiff;
        html.Append(F($"</table>\n<p>Rollout: {diff.ChangedAccounts} of {diff.Accounts} accounts change score or tier; modelVersion is rewritten on all.</p>"));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string P(double value) => value.ToString("0.#%", CultureInfo.InvariantCulture);

    private static string N(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
