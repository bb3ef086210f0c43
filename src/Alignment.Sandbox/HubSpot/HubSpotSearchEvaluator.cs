using System.Globalization;
using System.Text.Json.Nodes;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// Evaluates a search body's <c>filterGroups</c> (groups ORed, filters ANDed; numbers compared as numbers, dates as
/// instants, text case-insensitively) and <c>sorts</c> (objects or strings), enforcing HubSpot's filter limits.
/// </summary>
internal static class HubSpotSearchEvaluator
{
    public static string? Problem(JsonArray? groups)
    {
        if (groups is null)
        {
            return null;
        }

        var total = groups.Sum(g => (g?["filters"] as JsonArray)?.Count ?? 0);
        if (groups.Count > 5 || total > 25 || groups.Any(g => ((g?["filters"] as JsonArray)?.Count ?? 0) > 10))
        {
            return "Search allows at most 5 filterGroups, 10 filters per group and 25 filters in all.";
        }

        return null;
    }

    public static bool Matches(HubSpotEmulatedObject record, JsonArray? groups)
    {
        if (groups is null || groups.Count == 0)
        {
            return true;
        }

        return groups.Any(g => (g?["filters"] as JsonArray ?? []).All(f => f is JsonObject filter && Matches(record, filter)));
    }

    public static IEnumerable<HubSpotEmulatedObject> Sort(IEnumerable<HubSpotEmulatedObject> records, JsonArray? sorts)
    {
        var first = sorts?.FirstOrDefault();
        string? property = null;
        var descending = false;
        if (first is JsonObject o)
        {
            property = o["propertyName"]?.GetValue<string>();
            descending = string.Equals(o["direction"]?.GetValue<string>(), "DESCENDING", StringComparison.OrdinalIgnoreCase);
        }
        else if (first is JsonValue v && v.TryGetValue<string>(out var text))
        {
            descending = text.StartsWith('-');
            property = text.TrimStart('-');
        }

        if (property is null || property == "hs_object_id")
        {
            return descending ? records.OrderByDescending(r => r.Id) : records.OrderBy(r => r.Id);
        }

        var comparer = Comparer<string?>.Create(Compare);
        return descending
            ? records.OrderByDescending(r => r.Properties.GetValueOrDefault(property), comparer).ThenBy(r => r.Id)
            : records.OrderBy(r => r.Properties.GetValueOrDefault(property), comparer).ThenBy(r => r.Id);
    }

    private static bool Matches(HubSpotEmulatedObject record, JsonObject filter)
    {
        var name = filter["propertyName"]?.GetValue<string>() ?? "";
        var op = filter["operator"]?.GetValue<string>() ?? "EQ";
        var actual = name == "hs_object_id" ? record.Id.ToString(CultureInfo.InvariantCulture) : record.Properties.GetValueOrDefault(name);
        if (string.IsNullOrEmpty(actual))
        {
            actual = null;
        }

        var value = filter["value"]?.ToString();
        return op switch
        {
            "HAS_PROPERTY" => actual is not null,
            "NOT_HAS_PROPERTY" => actual is null,
            "EQ" => actual is not null && Compare(actual, value) == 0,
            "NEQ" => actual is null || Compare(actual, value) != 0,
            "LT" => actual is not null && Compare(actual, value) < 0,
            "LTE" => actual is not null && Compare(actual, value) <= 0,
            "GT" => actual is not null && Compare(actual, value) > 0,
            "GTE" => actual is not null && Compare(actual, value) >= 0,
            "BETWEEN" => actual is not null && Compare(actual, value) >= 0 && Compare(actual, filter["highValue"]?.ToString()) <= 0,
            "IN" => actual is not null && HubSpotEmulatorResponses.Strings(filter["values"]).Any(v => Compare(actual, v) == 0),
            "NOT_IN" => actual is null || !HubSpotEmulatorResponses.Strings(filter["values"]).Any(v => Compare(actual, v) == 0),
            "CONTAINS_TOKEN" => actual?.Contains(value?.Trim('*') ?? "", StringComparison.OrdinalIgnoreCase) ?? false,
            "NOT_CONTAINS_TOKEN" => !(actual?.Contains(value?.Trim('*') ?? "", StringComparison.OrdinalIgnoreCase) ?? false),
            _ => false,
        };
    }

    /// <summary>Numbers as numbers, instants (ISO or epoch ms) as instants, else text ignoring case.</summary>
    private static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var aNumber = decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x);
        var bNumber = decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y);
        if (aNumber && bNumber)
        {
            return x.CompareTo(y);
        }

        if (Instant(a, aNumber ? x : null) is { } i && Instant(b, bNumber ? y : null) is { } j)
        {
            return i.CompareTo(j);
        }

        return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static DateTimeOffset? Instant(string text, decimal? number)
    {
        if (number is { } ms && ms > 100_000_000_000m)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
        }

        return !text.Contains('-', StringComparison.Ordinal) ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }
}
