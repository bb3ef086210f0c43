using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.Salesforce;

/// <summary>sObject Collections update (<c>PATCH composite/sobjects</c>, 200 records, <c>allOrNone</c>) and the per-record field checks.</summary>
internal sealed partial class SalesforceEmulatorApi
{
    public async Task UpdateCollectionAsync(HttpContext context)
    {
        if (!await GuardAsync(context, write: true).ConfigureAwait(false))
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await WriteJsonAsync(context, 400, w =>
            {
                w.WriteStartObject();
                w.WriteString("message", "Json Deserialization failed on token 'null' and has left off in the middle of parsing a row.");
                w.WriteString("errorCode", "INVALID_FIELD");
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var allOrNone = root.TryGetProperty("allOrNone", out var aon) && aon.ValueKind == JsonValueKind.True;
            if (!root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array || records.GetArrayLength() == 0)
            {
                await ErrorAsync(context, 400, "REQUIRED_FIELD_MISSING", "At least 1 record is required.").ConfigureAwait(false);
                return;
            }

            if (records.GetArrayLength() > MaxCollectionRecords)
            {
                await ErrorAsync(context, 400, "EXCEEDED_MAX_SIZE_REQUEST", "You can't update more than 200 records in one request.").ConfigureAwait(false);
                return;
            }

            var buffer = new ArrayBufferWriter<byte>();
            string? topLevelError;
            lock (_store.Gate)
            {
                topLevelError = ApplyCollection(records, allOrNone, buffer);
            }

            if (topLevelError is not null)
            {
                await ErrorAsync(context, 400, "INVALID_FIELD", topLevelError).ConfigureAwait(false);
                return;
            }

            await WriteBufferAsync(context, 200, buffer).ConfigureAwait(false);
        }
    }

    private string? ApplyCollection(JsonElement records, bool allOrNone, ArrayBufferWriter<byte> buffer)
    {
        var outcomes = new List<(string? Id, string? Code, string? Message, string[] Fields, Dictionary<string, object?> Values)>();
        foreach (var record in records.EnumerateArray())
        {
            var type = record.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty("type", out var t) ? t.GetString() : null;
            var id = record.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in record.EnumerateObject().Where(p => p.Name is not ("attributes" or "id")))
            {
                if (type is not null && !_store.HasColumn(type, property.Name))
                {
                    return "No such column '" + property.Name + "' on sobject of type " + type;
                }

                values[property.Name] = ValueOf(property.Value);
            }

            outcomes.Add(Check(type, id, values));
        }

        var anyFailed = outcomes.Any(o => o.Code is not null);
        var now = _options.TimeProvider.GetUtcNow();
        using var w = new Utf8JsonWriter(buffer);
        w.WriteStartArray();
        foreach (var (id, code, message, fields, values) in outcomes)
        {
            var (finalCode, finalMessage) = code is null && allOrNone && anyFailed
                ? ("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records were valid and the request was using AllOrNone header")
                : (code, message);
            w.WriteStartObject();
            if (id is not null && code != "MALFORMED_ID")
            {
                w.WriteString("id", id);
            }

            w.WriteBoolean("success", finalCode is null);
            w.WriteStartArray("errors");
            if (finalCode is not null)
            {
                w.WriteStartObject();
                w.WriteString("statusCode", finalCode);
                w.WriteString("message", finalMessage);
                w.WriteStartArray("fields");
                foreach (var f in finalCode == code ? fields : [])
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                var target = _store.Find(id)!;
                foreach (var (field, value) in values)
                {
                    target[field] = value;
                }

                target["LastModifiedDate"] = now;
                target["SystemModstamp"] = now;
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        return null;
    }

    /// <summary>Whether a record update would be accepted: the id, the type, restricted picklists and injected faults (null code = yes).</summary>
    internal (string? Id, string? Code, string? Message, string[] Fields, Dictionary<string, object?> Values) Check(string? type, string? id, Dictionary<string, object?> values)
    {
        if (type is null)
        {
            return (id, "INVALID_TYPE", "sObject type is required in attributes", [], values);
        }

        if (id is null || id.Length is not (15 or 18) || !id.All(char.IsAsciiLetterOrDigit))
        {
            return (id, "MALFORMED_ID", type + " ID: id value of incorrect type: " + id, ["Id"], values);
        }

        var target = _store.Find(id);
        if (target is null || !string.Equals(target.Type, type, StringComparison.OrdinalIgnoreCase))
        {
            return (id, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", ["Id"], values);
        }

        foreach (var (field, value) in values)
        {
            if (SalesforceSchema.Picklists.TryGetValue(field, out var allowed) && value is not null
                && (value is not string s || !allowed.Contains(s, StringComparer.Ordinal)))
            {
                return (id, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "bad value for restricted picklist field: " + value, [field], values);
            }
        }

        if (Faults.ValidationError(id) is { } message)
        {
            return (id, "FIELD_CUSTOM_VALIDATION_EXCEPTION", message, [], values);
        }

        return Faults.TryTakeLock(id)
            ? (id, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records: " + id, [], values)
            : (id, null, null, [], values);
    }

    private static object? ValueOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.String when value.GetString() is { Length: >= 20 } s && s[10] == 'T'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => instant.ToUniversalTime(),
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null, // Salesforce stores no empty text
        _ => value.GetRawText(),
    };
}
