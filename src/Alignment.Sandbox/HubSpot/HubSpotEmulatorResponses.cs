using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.HubSpot;

/// <summary>HubSpot's answer shapes: the error body (<c>status, message, correlationId, category, errors[]</c>) and records.</summary>
internal static class HubSpotEmulatorResponses
{
    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Content(body.ToJsonString(), "application/json", statusCode: status);

    public static IResult Error(int status, string category, string message, JsonArray? errors = null, JsonObject? context = null, string? subCategory = null)
    {
        var body = new JsonObject
        {
            ["status"] = "error",
            ["message"] = message,
            ["correlationId"] = Guid.NewGuid().ToString(),
            ["category"] = category,
        };
        if (subCategory is not null)
        {
            body["subCategory"] = subCategory;
        }

        if (errors is not null)
        {
            body["errors"] = errors;
        }

        if (context is not null)
        {
            body["context"] = context;
        }

        return Json(body, status);
    }

    public static JsonObject StandardError(string category, string message, string id, string? traceId = null, string? subCategory = null)
    {
        var context = new JsonObject { ["id"] = new JsonArray(id) };
        if (traceId is not null)
        {
            context["objectWriteTraceId"] = new JsonArray(traceId);
        }

        var error = new JsonObject
        {
            ["status"] = "error",
            ["category"] = category,
            ["message"] = message,
            ["context"] = context,
            ["errors"] = new JsonArray(),
            ["links"] = new JsonObject(),
        };
        if (subCategory is not null)
        {
            error["subCategory"] = subCategory;
        }

        return error;
    }

    /// <summary>A record as <c>SimplePublicObject</c>: the requested properties plus id, create and modify dates.</summary>
    public static JsonObject Record(HubSpotEmulatedObject record, IEnumerable<string>? properties)
    {
        var props = new JsonObject();
        var names = properties is null
            ? record.Properties.Keys
            : properties.Concat(["hs_object_id", "createdate", "hs_lastmodifieddate"]).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            props[name] = record.Properties.GetValueOrDefault(name);
        }

        return new JsonObject
        {
            ["id"] = record.Id.ToString(CultureInfo.InvariantCulture),
            ["properties"] = props,
            ["createdAt"] = HubSpotEmulatorStore.Iso(record.CreatedAt),
            ["updatedAt"] = HubSpotEmulatorStore.Iso(record.UpdatedAt),
            ["archived"] = false,
        };
    }

    public static JsonObject Batch(JsonArray results, JsonArray errors, DateTimeOffset startedAt, DateTimeOffset completedAt)
    {
        var body = new JsonObject
        {
            ["status"] = "COMPLETE",
            ["results"] = results,
            ["startedAt"] = HubSpotEmulatorStore.Iso(startedAt),
            ["completedAt"] = HubSpotEmulatorStore.Iso(completedAt),
        };
        if (errors.Count > 0)
        {
            body["numErrors"] = errors.Count;
            body["errors"] = errors;
        }

        return body;
    }

    public static List<string> Strings(JsonNode? array) =>
        array is JsonArray a ? [.. a.Select(n => n?.GetValue<string>()).Where(s => s is not null).Select(s => s!)] : [];
}
