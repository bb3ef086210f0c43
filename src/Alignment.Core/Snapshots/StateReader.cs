using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Model;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;

namespace Alignment.Core.Snapshots;

/// <summary>Reads an account's <c>current</c> object (the values of the connector's fields) in a snapshot.</summary>
internal static class StateReader
{
    public static AlignmentState? Read(JsonReadContext context, JsonElement element, string path)
    {
        if (!context.CheckObject(element, path, allowed: null))
        {
            return null;
        }

        var errorsBefore = context.Errors.Length;
        var tier = ReadEnum<Tier>(context, element, "tier", path) ?? Tier.None;
        var locked = false;
        if (element.TryGetProperty("tierLocked", out var l) && l.ValueKind != JsonValueKind.Null)
        {
            context.TryGetBoolean(l, path + ".tierLocked", out locked);
        }

        var handoffStatus = ReadEnum<HandoffStatus>(context, element, "handoffStatus", path) ?? HandoffStatus.None;
        var handoffTier = ReadEnum<Tier>(context, element, "handoffTier", path);
        var slaStatus = ReadEnum<SlaStatus>(context, element, "slaStatus", path);
        context.TryGetOptionalInstant(element, "handoffAt", path, out var handoffAt);
        context.TryGetOptionalInstant(element, "slaDue", path, out var slaDue);
        context.TryGetOptionalInstant(element, "firstResponseAt", path, out var firstResponseAt);
        context.TryGetOptionalInstant(element, "scoredAt", path, out var scoredAt);
        context.TryGetOptionalString(element, "handoffRule", path, out var handoffRule);
        context.TryGetOptionalString(element, "reasons", path, out var reasons);
        context.TryGetOptionalString(element, "modelVersion", path, out var modelVersion);

        var state = new AlignmentState
        {
            Score = ReadScore(context, element, "score", path),
            Fit = ReadScore(context, element, "fit", path),
            Intent = ReadScore(context, element, "intent", path),
            Engagement = ReadScore(context, element, "engagement", path),
            Tier = tier,
            TierLocked = locked,
            Reasons = reasons,
            ModelVersion = modelVersion,
            ScoredAt = scoredAt,
            HandoffStatus = handoffStatus,
            HandoffRule = handoffRule,
            HandoffAt = handoffAt,
            HandoffTier = handoffTier,
            SlaDue = slaDue,
            SlaStatus = slaStatus,
            FirstResponseAt = firstResponseAt,
        };
        return context.Errors.Length == errorsBefore ? state : null;
    }

    private static int? ReadScore(JsonReadContext context, JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var itemPath = JsonReadContext.Child(path, name);
        if (!context.TryGetInteger(element, itemPath, out var value))
        {
            return null;
        }

        if (value is < 0 or > 100)
        {
            context.Error(itemPath, $"a score is 0..100 (found {value}).");
        }

        return value;
    }

    /// <summary>An enum spelled exactly as its member name (no numbers), or null when absent or JSON null.</summary>
    private static TEnum? ReadEnum<TEnum>(JsonReadContext context, JsonElement parent, string name, string path)
        where TEnum : struct, Enum
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var itemPath = JsonReadContext.Child(path, name);
        if (!context.TryGetString(element, itemPath, out var text))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        context.Error(itemPath, $"unknown value '{text}'; use one of: {string.Join(", ", Enum.GetNames<TEnum>())} (case-sensitive).");
        return null;
    }
}
