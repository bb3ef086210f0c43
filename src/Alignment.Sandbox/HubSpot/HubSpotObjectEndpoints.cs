using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.HubSpot;

/// <summary>Search, batch read and batch update of CRM objects.</summary>
internal static class HubSpotObjectEndpoints
{
    public static async Task<IResult> SearchAsync(HubSpotEmulator emulator, string type, HttpContext context)
    {
        if (await HubSpotEmulatorRoutes.BodyAsync(context) is not JsonObject body)
        {
            return Malformed();
        }

        var groups = body["filterGroups"] as JsonArray;
        if (HubSpotSearchEvaluator.Problem(groups) is { } problem)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", problem);
        }

        var limit = body["limit"]?.GetValue<int>() ?? 10;
        if (limit is < 1 or > 200)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "limit must be between 1 and 200.");
        }

        var afterText = body["after"]?.ToString();
        var offset = string.IsNullOrEmpty(afterText) ? 0 : int.Parse(afterText, CultureInfo.InvariantCulture);
        var cap = emulator.Options.SearchResultCap;
        if (offset >= cap)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR",
                $"Search cannot page past {cap} results; narrow the filters (e.g. hs_object_id > the last id seen).");
        }

        var properties = HubSpotEmulatorResponses.Strings(body["properties"]);
        var store = emulator.Store;
        lock (store.Sync)
        {
            var matches = HubSpotSearchEvaluator.Sort(store.All(type).Where(r => HubSpotSearchEvaluator.Matches(r, groups)), body["sorts"] as JsonArray).ToList();
            var take = Math.Max(0, Math.Min(limit, Math.Min(cap, matches.Count) - offset));
            var results = new JsonArray([.. matches.Skip(offset).Take(take).Select(r => (JsonNode)HubSpotEmulatorResponses.Record(r, properties))]);
            var answer = new JsonObject { ["total"] = matches.Count, ["results"] = results };
            if (offset + take < matches.Count)
            {
                var next = (offset + take).ToString(CultureInfo.InvariantCulture);
                answer["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = "?after=" + next } };
            }

            return HubSpotEmulatorResponses.Json(answer);
        }
    }

    public static async Task<IResult> BatchReadAsync(HubSpotEmulator emulator, string type, HttpContext context)
    {
        if (await HubSpotEmulatorRoutes.BodyAsync(context) is not JsonObject body || body["inputs"] is not JsonArray inputs)
        {
            return Malformed();
        }

        if (inputs.Count > 100)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "A batch read accepts at most 100 inputs.");
        }

        var properties = HubSpotEmulatorResponses.Strings(body["properties"]);
        var store = emulator.Store;
        var started = store.Time.GetUtcNow();
        var results = new JsonArray();
        var errors = new JsonArray();
        lock (store.Sync)
        {
            foreach (var id in inputs.Select(i => i?["id"]?.ToString() ?? ""))
            {
                if (store.Get(type, id) is { } record)
                {
                    results.Add(HubSpotEmulatorResponses.Record(record, properties));
                }
                else
                {
                    errors.Add(HubSpotEmulatorResponses.StandardError("OBJECT_NOT_FOUND", $"Could not get some {type} objects, they may be deleted or not exist.", id));
                }
            }
        }

        return HubSpotEmulatorResponses.Json(HubSpotEmulatorResponses.Batch(results, errors, started, store.Time.GetUtcNow()), errors.Count > 0 ? 207 : 200);
    }

    public static async Task<IResult> BatchUpdateAsync(HubSpotEmulator emulator, string type, HttpContext context)
    {
        if (await HubSpotEmulatorRoutes.BodyAsync(context) is not JsonObject body || body["inputs"] is not JsonArray inputs)
        {
            return Malformed();
        }

        if (inputs.Count > 100)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "A batch update accepts at most 100 inputs.");
        }

        var store = emulator.Store;
        var started = store.Time.GetUtcNow();
        var results = new JsonArray();
        var errors = new JsonArray();
        lock (store.Sync)
        {
            // HubSpot refuses the whole batch when a property is unknown or a value invalid.
            var invalid = new JsonArray();
            foreach (var input in inputs.OfType<JsonObject>())
            {
                foreach (var (name, value) in input["properties"] as JsonObject ?? [])
                {
                    if (HubSpotPropertyEndpoints.ValueProblem(store, type, name, value) is { } problem)
                    {
                        invalid.Add(new JsonObject { ["message"] = problem.Message, ["code"] = problem.Code, ["in"] = name });
                    }
                }
            }

            if (invalid.Count > 0)
            {
                return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "Property values were not valid: " + invalid[0]!["message"], invalid);
            }

            foreach (var input in inputs.OfType<JsonObject>())
            {
                var id = input["id"]?.ToString() ?? "";
                var trace = input["objectWriteTraceId"]?.ToString();
                if (store.Get(type, id) is not { } record)
                {
                    errors.Add(HubSpotEmulatorResponses.StandardError("OBJECT_NOT_FOUND", $"No {type} with ID {id} exists.", id, trace));
                    continue;
                }

                if (type == "companies" && emulator.Faults.RejectsUpdateOf(id))
                {
                    errors.Add(HubSpotEmulatorResponses.StandardError("VALIDATION_ERROR", "Property values were not valid (injected fault).", id, trace, "crm.properties.INVALID_PROPERTY_VALUE"));
                    continue;
                }

                var written = new List<string>();
                foreach (var (name, value) in input["properties"] as JsonObject ?? [])
                {
                    var text = value?.ToString();
                    record.Properties[name] = string.IsNullOrEmpty(text) ? null : text;
                    written.Add(name);
                }

                store.Touch(record);
                results.Add(HubSpotEmulatorResponses.Record(record, written));
            }
        }

        return HubSpotEmulatorResponses.Json(HubSpotEmulatorResponses.Batch(results, errors, started, store.Time.GetUtcNow()), errors.Count > 0 ? 207 : 200);
    }

    private static IResult Malformed() => HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "Invalid input JSON: the body does not match the endpoint's schema.");
}
