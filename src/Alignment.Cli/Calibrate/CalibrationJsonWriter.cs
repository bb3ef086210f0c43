using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Alignment.Core.Calibration;

namespace Alignment.Cli.Calibrate;

/// <summary>
/// The JSON output of <c>alignment calibrate --format json</c> (the contract of docs/calibration.md): counts, skipped
/// by reason, AUC per dimension with its interval, lift, tiers, segments, the suggestion, the migration matrix and the
/// field diff. Rates and AUCs are rounded to 4 decimals; undefined values are null; amounts are plain numbers.
/// </summary>
internal static class CalibrationJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(CalibrationReport report)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("modelVersion", report.ModelVersion);
            w.WriteString("asOf", report.AsOf.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteNumber("accounts", report.Accounts);
            w.WriteNumber("opportunities", report.Opportunities);
            w.WriteNumber("won", report.Won);
            w.WriteNumber("lost", report.Opportunities - report.Won);
            w.WriteStartObject("skipped");
            foreach (var reason in Enum.GetValues<OpportunitySkipReason>())
            {
                w.WriteNumber(Camel(reason.ToString()), report.Skipped.GetValueOrDefault(reason));
            }

            w.WriteEndObject();

            w.WriteStartObject("dimensions");
            foreach (var estimate in report.Dimensions)
            {
                w.WriteStartObject(Camel(estimate.Dimension.ToString()));
                Number(w, "auc", estimate.Auc);
                Number(w, "aucLow", estimate.Low);
                Number(w, "aucHigh", estimate.High);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("bootstrap");
            w.WriteNumber("resamples", report.Options.Resamples);
            w.WriteNumber("seed", report.Options.Seed);
            w.WriteNumber("level", report.Options.Level);
            w.WriteEndObject();

            w.WriteStartArray("lift");
            foreach (var d in report.Lift)
            {
                w.WriteStartObject();
                w.WriteNumber("decile", d.Decile);
                w.WriteNumber("opportunities", d.Opportunities);
                w.WriteNumber("won", d.Won);
                Number(w, "winRate", d.WinRate);
                Number(w, "lift", d.Lift);
                w.WriteNumber("minScore", d.MinScore);
                w.WriteNumber("maxScore", d.MaxScore);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("tiers");
            foreach (var t in report.Tiers)
            {
                w.WriteStartObject();
                w.WriteString("tier", t.Tier.ToString());
                w.WriteNumber("opportunities", t.Opportunities);
                w.WriteNumber("won", t.Won);
                Number(w, "winRate", t.WinRate);
                w.WriteNumber("pipeline", t.Pipeline);
                w.WriteNumber("wonAmount", t.WonAmount);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            var rule = report.SegmentRule;
            w.WriteStartObject("segmentRule");
            w.WriteString("highTiers", "Tier1, Tier2");
            Number(w, "overallWinRate", rule.OverallRate);
            w.WriteNumber("overallOpportunities", rule.OverallOpportunities);
            w.WriteNumber("minimumOpportunities", rule.MinimumOpportunities);
            w.WriteNumber("level", rule.Level);
            w.WriteNumber("tested", rule.Tested);
            Number(w, "z", rule.Z);
            w.WriteNumber("materialGap", rule.MaterialGap);
            w.WriteEndObject();

            w.WriteStartArray("segments");
            foreach (var s in report.Segments)
            {
                w.WriteStartObject();
                w.WriteString("attribute", s.Attribute);
                w.WriteString("value", s.Value);
                w.WriteNumber("opportunities", s.Opportunities);
                w.WriteNumber("won", s.Won);
                Number(w, "winRate", s.WinRate);
                Number(w, "low", s.Low);
                Number(w, "high", s.High);
                w.WriteBoolean("tested", s.Tested);
                w.WriteBoolean("flagged", s.Flagged);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            var proposal = report.Proposal;
            w.WriteStartObject("suggested");
            w.WriteStartObject("weights");
            w.WriteNumber("fit", proposal.Weights.Fit);
            w.WriteNumber("intent", proposal.Weights.Intent);
            w.WriteNumber("engagement", proposal.Weights.Engagement);
            w.WriteEndObject();
            w.WriteStartObject("thresholds");
            w.WriteNumber("Tier1", proposal.Thresholds.Tier1);
            w.WriteNumber("Tier2", proposal.Thresholds.Tier2);
            w.WriteNumber("Tier3", proposal.Thresholds.Tier3);
            w.WriteEndObject();
            w.WriteStartObject("capacities");
            Number(w, "Tier1", proposal.Capacities.Tier1);
            Number(w, "Tier2", proposal.Capacities.Tier2);
            Number(w, "Tier3", proposal.Capacities.Tier3);
            w.WriteEndObject();
            w.WriteStartObject("shares");
            Number(w, "Tier1", proposal.Thresholds.Tier1Share);
            Number(w, "Tier2", proposal.Thresholds.Tier2Share);
            Number(w, "Tier3", proposal.Thresholds.Tier3Share);
            w.WriteEndObject();
            w.WriteString("modelVersion", proposal.Model.Version);
            Number(w, "crossValidatedAuc", proposal.Weights.CrossValidatedAuc);
            w.WriteBoolean("fitted", proposal.Weights.Fitted);
            w.WriteString("note", proposal.Weights.Note);
            w.WriteBoolean("applied", false);
            w.WriteEndObject();

            w.WriteStartArray("migration");
            foreach (var cell in report.Migration)
            {
                w.WriteStartObject();
                w.WriteString("from", cell.From.ToString());
                w.WriteString("to", cell.To.ToString());
                w.WriteNumber("accounts", cell.Accounts);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            var diff = report.FieldDiff;
            w.WriteStartObject("fieldDiff");
            w.WriteNumber("accounts", diff.Accounts);
            w.WriteNumber("changedAccounts", diff.ChangedAccounts);
            w.WriteStartObject("fields");
            foreach (var (field, count) in diff.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(field, count);
            }

            w.WriteEndObject();
            w.WriteStartArray("sample");
            foreach (var change in diff.Sample)
            {
                w.WriteStartObject();
                w.WriteString("accountId", change.AccountId);
                w.WriteString("field", change.Field);
                w.WriteString("from", change.From);
                w.WriteString("to", change.To);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, Math.Round(v, 4, MidpointRounding.AwayFromZero));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
}
