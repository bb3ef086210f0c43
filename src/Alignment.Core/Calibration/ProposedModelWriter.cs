using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alignment.Core.Calibration;

/// <summary>
/// Writes the proposed model file: the current model file with only <c>version</c>, <c>weights</c> and
/// <c>tiers.Tier1/Tier2/Tier3</c> replaced; every other member (handoff rules, SLA, any later section) is kept as it
/// is. Comments in the original are not kept. The result is read back with <c>ModelFileReader</c> before anyone sees it.
/// </summary>
public static class ProposedModelWriter
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="currentModelJson">The text of the model file the proposal was computed from (already validated).</param>
    /// <param name="proposal">The proposal to write.</param>
    public static string Write(string currentModelJson, ModelProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(currentModelJson);
        ArgumentNullException.ThrowIfNull(proposal);
        var root = JsonNode.Parse(currentModelJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })?.AsObject()
            ?? throw new ArgumentException("The current model file is not a JSON object.", nameof(currentModelJson));
        var weights = proposal.Weights;
        root["version"] = proposal.Model.Version;
        root["weights"] = new JsonObject
        {
            ["fit"] = Fraction(weights.Fit),
            ["intent"] = Fraction(weights.Intent),
            ["engagement"] = Fraction(weights.Engagement),
        };
        var tiers = root["tiers"] as JsonObject ?? [];
        tiers["Tier1"] = proposal.Thresholds.Tier1;
        tiers["Tier2"] = proposal.Thresholds.Tier2;
        tiers["Tier3"] = proposal.Thresholds.Tier3;
        root["tiers"] = tiers;
        return root.ToJsonString(Options) + Environment.NewLine;
    }

    /// <summary>A whole percentage as a fraction with at most two decimals (45 → 0.45).</summary>
    private static JsonNode Fraction(int percent) =>
        JsonNode.Parse(decimal.Divide(percent, 100).ToString("0.0#", CultureInfo.InvariantCulture))!;
}
