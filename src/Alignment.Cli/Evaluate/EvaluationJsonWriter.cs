using System.Collections.Immutable;
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
            foreach (var (_, evaluation) in results)
            {
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

                // Handoff and SLA decisions are not computed yet (the SLA part of the evaluator); always present.
                writer.WriteNull("handoff");
                writer.WriteNull("sla");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}
