using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Alignment.Cli.Evaluate;

/// <summary>
/// The JSON output of <c>alignment evaluate</c>: one array, one object per account in input order:
/// <c>{ "id", "fit", "intent", "engagement", "score", "tier", "suggestedTier", "reasons", "handoff", "sla" }</c>.
/// Scores are integers; instants ISO-8601 UTC.
/// </summary>
internal static class EvaluationJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ImmutableArray<EvaluatedAccount> results)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var (_, outcome) in results)
            {
                var evaluation = outcome.Evaluation;
                writer.WriteStartObject();
                writer.WriteString("id", evaluation.AccountId);
                writer.WriteNumber("fit", evaluation.Fit);
                writer.WriteNumber("intent", evaluation.Intent);
                writer.WriteNumber("engagement", evaluation.Engagement);
                writer.WriteNumber("score", evaluation.Score);
                writer.WriteString("tier", evaluation.Tier.ToString());
                writer.WriteString("suggestedTier", evaluation.SuggestedTier.ToString());
                writer.WriteStartArray("reasons");
                foreach (var reason in evaluation.Reasons)
                {
                    writer.WriteStringValue(reason);
                }

                writer.WriteEndArray();

                if (outcome.Handoff is { } handoff)
                {
                    writer.WriteStartObject("handoff");
                    writer.WriteString("rule", handoff.Rule);
                    writer.WriteString("at", Instant(handoff.At));
                    writer.WriteString("tier", handoff.Tier.ToString());
                    writer.WriteString("slaDue", Instant(handoff.SlaDue));
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("handoff");
                }

                if (outcome.Sla is { } sla)
                {
                    writer.WriteStartObject("sla");
                    writer.WriteString("status", sla.Status.ToString());
                    writer.WriteString("due", Instant(sla.Due));
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("sla");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    /// <summary>ISO-8601 UTC with a <c>Z</c>, whole seconds unless the instant has a fraction (e.g. <c>2026-11-20T22:00:00Z</c>).</summary>
    internal static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
