using System.Text.Json.Nodes;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// The connector's company properties as the emulator defines them at start (the same names and types as
/// <c>infra/hubspot/alignment-properties.json</c>, which the adapter's setup creates on a real portal).
/// </summary>
internal static class HubSpotEmulatorDefinitions
{
    public const string Group = "alignment";

    public static IEnumerable<JsonObject> AlignmentProperties()
    {
        yield return Property("alignment_score", "number", "number");
        yield return Property("alignment_fit_score", "number", "number");
        yield return Property("alignment_intent_score", "number", "number");
        yield return Property("alignment_engagement_score", "number", "number");
        yield return Property("alignment_tier", "enumeration", "select", "Tier1", "Tier2", "Tier3", "None");
        yield return Property("alignment_tier_locked", "bool", "booleancheckbox", "true", "false");
        yield return Property("alignment_score_reasons", "string", "textarea");
        yield return Property("alignment_model_version", "string", "text");
        yield return Property("alignment_scored_at", "datetime", "date");
        yield return Property("alignment_handoff_status", "enumeration", "select", "None", "Pending", "Accepted", "Recycled", "Rejected");
        yield return Property("alignment_handoff_rule", "string", "text");
        yield return Property("alignment_handoff_at", "datetime", "date");
        yield return Property("alignment_sla_due", "datetime", "date");
        yield return Property("alignment_sla_status", "enumeration", "select", "OnTrack", "AtRisk", "Breached", "Met");
        yield return Property("alignment_first_response_at", "datetime", "date");
        yield return Property("alignment_rejection_reason", "enumeration", "select", "WrongTiming", "WrongContact", "NotIcp", "Duplicate", "Other");
        yield return Property("alignment_wrong_tier", "bool", "booleancheckbox", "true", "false");
        yield return Property("alignment_tier_confirmed_at", "datetime", "date");
        yield return Property("alignment_review_due", "bool", "booleancheckbox", "true", "false");
    }

    private static JsonObject Property(string name, string type, string fieldType, params string[] options) => new()
    {
        ["name"] = name,
        ["label"] = name,
        ["type"] = type,
        ["fieldType"] = fieldType,
        ["groupName"] = Group,
        ["description"] = "",
        ["options"] = new JsonArray([.. options.Select((v, i) => (JsonNode)new JsonObject { ["label"] = v, ["value"] = v, ["displayOrder"] = i, ["hidden"] = false })]),
        ["hidden"] = false,
        ["formField"] = false,
        ["hubspotDefined"] = false,
    };
}
