using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// Lists (segments) API v3 for company lists (object type <c>0-2</c>): create (<c>{"list": {...}}</c>, 409 for a name
/// taken, names compared without case), fetch by name or id (filters only with <c>includeFilters=true</c>), and the
/// size of an active list evaluated on the stored companies. Filters are checked as HubSpot documents them: an
/// <c>OR</c> root of <c>AND</c> branches of <c>PROPERTY</c> filters, each on a property that exists, with an operation
/// of the property's type (<c>ENUMERATION</c> values among its options, <c>BOOL</c> on a bool, <c>ALL_PROPERTY</c> on any).
/// </summary>
internal static class HubSpotListEndpoints
{
    private const string Companies = "0-2";
    private static readonly string[] ProcessingTypes = ["MANUAL", "DYNAMIC", "SNAPSHOT"];

    public static async Task<IResult> CreateAsync(HubSpotEmulator emulator, HttpContext context)
    {
        if (emulator.Faults.ListsScopeMissing)
        {
            return MissingScopes();
        }

        if (await HubSpotEmulatorRoutes.BodyAsync(context) is not JsonObject body
            || body["name"]?.GetValueKind() != JsonValueKind.String || body["objectTypeId"] is null || body["processingType"] is null)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "A list needs name, objectTypeId and processingType.");
        }

        var name = body["name"]!.GetValue<string>();
        var objectTypeId = body["objectTypeId"]!.ToString();
        var processing = body["processingType"]!.ToString();
        if (objectTypeId != Companies)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", $"The emulator keeps company lists only (objectTypeId {Companies}), not {objectTypeId}.");
        }

        if (!ProcessingTypes.Contains(processing, StringComparer.Ordinal))
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", $"processingType must be one of {string.Join(", ", ProcessingTypes)}.");
        }

        var store = emulator.Store;
        lock (store.Sync)
        {
            var branch = body["filterBranch"] as JsonObject;
            var problem = branch is null ? (processing == "MANUAL" ? null : $"A {processing} list needs a filterBranch.") : FilterProblem(store, branch);
            if (problem is not null)
            {
                return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", problem);
            }

            if (store.Lists.Values.Any(l => l["objectTypeId"]!.ToString() == objectTypeId && string.Equals(l["name"]!.ToString(), name, StringComparison.OrdinalIgnoreCase)))
            {
                return HubSpotEmulatorResponses.Error(409, "CONFLICT", $"A list named {name} already exists for object type {objectTypeId}.");
            }

            var now = store.Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            var id = store.NextId().ToString(CultureInfo.InvariantCulture);
            var list = new JsonObject
            {
                ["listId"] = id,
                ["listVersion"] = 1,
                ["name"] = name,
                ["objectTypeId"] = objectTypeId,
                ["processingType"] = processing,
                ["processingStatus"] = "COMPLETE",
                ["createdAt"] = now,
                ["updatedAt"] = now,
                ["filtersUpdatedAt"] = now,
            };
            if (branch is not null)
            {
                list["filterBranch"] = Normalized((JsonObject)branch.DeepClone());
            }

            store.Lists[id] = list;
            return HubSpotEmulatorResponses.Json(Answer(store, list, includeFilters: true));
        }
    }

    public static IResult GetByName(HubSpotEmulator emulator, string objectTypeId, string name, HttpContext context)
    {
        if (emulator.Faults.ListsScopeMissing)
        {
            return MissingScopes();
        }

        var store = emulator.Store;
        lock (store.Sync)
        {
            var list = store.Lists.Values.FirstOrDefault(l => l["objectTypeId"]!.ToString() == objectTypeId
                && string.Equals(l["name"]!.ToString(), name, StringComparison.OrdinalIgnoreCase));
            return list is null
                ? HubSpotEmulatorResponses.Error(404, "OBJECT_NOT_FOUND", $"List with name {name} and object type {objectTypeId} does not exist.")
                : HubSpotEmulatorResponses.Json(Answer(store, list, IncludeFilters(context)));
        }
    }

    public static IResult Get(HubSpotEmulator emulator, string listId, HttpContext context)
    {
        var store = emulator.Store;
        lock (store.Sync)
        {
            return store.Lists.TryGetValue(listId, out var list)
                ? HubSpotEmulatorResponses.Json(Answer(store, list, IncludeFilters(context)))
                : HubSpotEmulatorResponses.Error(404, "OBJECT_NOT_FOUND", $"List {listId} does not exist.");
        }
    }

    /// <summary>The companies an active list holds now: those passing every filter of one AND branch.</summary>
    public static IEnumerable<HubSpotEmulatedObject> Members(HubSpotEmulatorStore store, JsonObject list)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(list);
        if (list["filterBranch"] is not JsonObject root)
        {
            return [];
        }

        var branches = (root["filterBranches"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return store.All("companies").Where(c => branches.Any(b => (b["filters"] as JsonArray ?? []).OfType<JsonObject>().All(f => Passes(c, f))));
    }

    private static IResult MissingScopes() =>
        HubSpotEmulatorResponses.Error(403, "MISSING_SCOPES",
            "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
            new JsonArray(new JsonObject
            {
                ["message"] = "One or more of the following scopes are required.",
                ["context"] = new JsonObject { ["requiredGranularScopes"] = new JsonArray("crm.lists.read") },
            }));

    private static bool IncludeFilters(HttpContext context) =>
        string.Equals(context.Request.Query["includeFilters"], "true", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Answer(HubSpotEmulatorStore store, JsonObject list, bool includeFilters)
    {
        var copy = (JsonObject)list.DeepClone();
        copy["size"] = copy["processingType"]!.ToString() == "MANUAL" ? 0 : Members(store, list).Count();
        if (!includeFilters)
        {
            copy.Remove("filterBranch");
        }

        return new JsonObject { ["list"] = copy };
    }

    /// <summary>What HubSpot adds when it stores a branch: the operator beside the type, and <c>includeObjectsWithNoValueSet</c>.</summary>
    private static JsonObject Normalized(JsonObject branch)
    {
        branch["filterBranchOperator"] = branch["filterBranchType"]!.DeepClone();
        branch["filterBranches"] ??= new JsonArray();
        branch["filters"] ??= new JsonArray();
        foreach (var child in (branch["filterBranches"] as JsonArray)!.OfType<JsonObject>())
        {
            Normalized(child);
        }

        foreach (var operation in (branch["filters"] as JsonArray)!.OfType<JsonObject>().Select(f => f["operation"]).OfType<JsonObject>())
        {
            operation["includeObjectsWithNoValueSet"] ??= false;
        }

        return branch;
    }

    private static string? FilterProblem(HubSpotEmulatorStore store, JsonObject root)
    {
        if (root["filterBranchType"]?.ToString() != "OR")
        {
            return "The root filter branch must be of filterBranchType OR.";
        }

        if ((root["filters"] as JsonArray)?.Count > 0)
        {
            return "The root OR branch cannot hold filters; put them in AND branches.";
        }

        var branches = root["filterBranches"] as JsonArray ?? [];
        if (branches.Count == 0)
        {
            return "The root OR branch needs at least one AND branch.";
        }

        foreach (var branch in branches)
        {
            if (branch is not JsonObject and || and["filterBranchType"]?.ToString() != "AND")
            {
                return "Each child of the root OR branch must be of filterBranchType AND.";
            }

            if ((and["filterBranches"] as JsonArray)?.Count > 0)
            {
                return "The emulator does not evaluate branches nested below an AND branch.";
            }

            foreach (var filter in and["filters"] as JsonArray ?? [])
            {
                if (PropertyFilterProblem(store, filter as JsonObject) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    private static string? PropertyFilterProblem(HubSpotEmulatorStore store, JsonObject? filter)
    {
        if (filter?["filterType"]?.ToString() != "PROPERTY" || filter["property"] is null || filter["operation"] is not JsonObject operation)
        {
            return "The emulator evaluates PROPERTY filters with a property and an operation.";
        }

        var property = filter["property"]!.ToString();
        JsonObject? definition = null;
        var type = HubSpotEmulatorStore.StandardCompanyProperties.Contains(property) ? "string"
            : store.Properties.TryGetValue("companies", out var defined) && defined.TryGetValue(property, out definition) ? definition["type"]!.ToString()
            : null;
        if (type is null)
        {
            return $"Property {property} does not exist on companies.";
        }

        var operationType = operation["operationType"]?.ToString();
        var op = operation["operator"]?.ToString();
        return operationType switch
        {
            "ALL_PROPERTY" when op is "IS_KNOWN" or "IS_NOT_KNOWN" => null,
            "ENUMERATION" when type == "enumeration" && op is "IS_ANY_OF" or "IS_NONE_OF" =>
                (operation["values"] as JsonArray ?? []).Select(v => v?.ToString()).FirstOrDefault(v => !OptionOf(definition!, v)) is { } bad
                    ? $"{bad} is not an option of {property}."
                    : (operation["values"] as JsonArray)?.Count > 0 ? null : $"An ENUMERATION filter on {property} needs values.",
            "BOOL" when type == "bool" && op is "IS_EQUAL_TO" or "IS_NOT_EQUAL_TO" =>
                operation["value"]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : $"A BOOL filter on {property} needs a true or false value.",
            _ => $"Operation {operationType} {op} does not apply to {property}, a {type} property.",
        };
    }

    private static bool OptionOf(JsonObject definition, string? value) =>
        (definition["options"] as JsonArray ?? []).Any(o => o?["value"]?.ToString() == value);

    private static bool Passes(HubSpotEmulatedObject company, JsonObject filter)
    {
        var value = company.Properties.GetValueOrDefault(filter["property"]!.ToString());
        var known = !string.IsNullOrEmpty(value);
        var operation = (JsonObject)filter["operation"]!;
        var values = (operation["values"] as JsonArray ?? []).Select(v => v?.ToString()).ToList();
        return (operation["operationType"]!.ToString(), operation["operator"]!.ToString()) switch
        {
            ("ALL_PROPERTY", "IS_KNOWN") => known,
            ("ALL_PROPERTY", "IS_NOT_KNOWN") => !known,
            ("ENUMERATION", "IS_ANY_OF") => known && values.Contains(value),
            ("ENUMERATION", "IS_NONE_OF") => !known || !values.Contains(value),
            ("BOOL", "IS_EQUAL_TO") => string.Equals(value, operation["value"]!.GetValue<bool>() ? "true" : "false", StringComparison.Ordinal),
            ("BOOL", "IS_NOT_EQUAL_TO") => !string.Equals(value, operation["value"]!.GetValue<bool>() ? "true" : "false", StringComparison.Ordinal),
            _ => false,
        };
    }
}
