using System.Globalization;
using System.Text.Json;

namespace Alignment.Salesforce.Mapping;

/// <summary>
/// Reads values out of a Salesforce record (JSON object), including dotted parent paths such as <c>Owner.Email</c>. A
/// Bulk API row (<see cref="Bulk.BulkRow.ToRecord"/>) carries every value as text; numbers and checkboxes read from text too.
/// </summary>
internal static class SalesforceRecord
{
    public static JsonElement? Get(JsonElement record, string path)
    {
        var current = record;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }

    public static string? String(JsonElement record, string path) => Get(record, path) switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static double? Number(JsonElement record, string path) => Get(record, path) switch
    {
        { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static decimal? Decimal(JsonElement record, string path) => Get(record, path) switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } e when decimal.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>A checkbox: JSON <c>true</c> (REST) or the text <c>true</c> (a Bulk API CSV row).</summary>
    public static bool Bool(JsonElement record, string path) => Get(record, path) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.String } e => string.Equals(e.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static DateTimeOffset? Instant(JsonElement record, string path) => ParseInstant(String(record, path));

    /// <summary>
    /// Parses Salesforce's <c>2011-07-07T00:37:00.000+0000</c> (no colon in the offset), ISO-8601 with <c>Z</c>, and
    /// date-only <c>2010-01-01</c> (midnight UTC). The result is always UTC.
    /// </summary>
    public static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > 5 && text[^5] is '+' or '-' && text[^3] != ':' && char.IsAsciiDigit(text[^1]))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.ToUniversalTime()
            : null;
    }
}
