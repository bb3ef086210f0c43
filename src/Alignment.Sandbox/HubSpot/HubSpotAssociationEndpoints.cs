using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.HubSpot;

/// <summary>Associations v4 batch read: at most 100 ids, per-input paging, 207 for ids without associations.</summary>
internal static class HubSpotAssociationEndpoints
{
    public static async Task<IResult> BatchReadAsync(HubSpotEmulator emulator, string fromType, string toType, HttpContext context)
    {
        if (await HubSpotEmulatorRoutes.BodyAsync(context) is not JsonObject body || body["inputs"] is not JsonArray inputs)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "Invalid input JSON: expected {\"inputs\":[{\"id\":\"...\"}]}.");
        }

        if (inputs.Count > 100)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "Batch read of associations accepts at most 100 inputs.");
        }

        var store = emulator.Store;
        var started = store.Time.GetUtcNow();
        var pageSize = emulator.Options.AssociationPageSize;
        var results = new JsonArray();
        var errors = new JsonArray();
        lock (store.Sync)
        {
            foreach (var input in inputs.OfType<JsonObject>())
            {
                var id = input["id"]?.ToString() ?? "";
                var after = int.TryParse(input["after"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? a : 0;
                var all = long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromId) ? store.Associated(fromType, fromId, toType) : [];
                if (all.Count == 0)
                {
                    errors.Add(HubSpotEmulatorResponses.StandardError("OBJECT_NOT_FOUND", $"No {toType} is associated with {fromType} {id}.", id, subCategory: "crm.associations.NO_ASSOCIATIONS_FOUND"));
                    continue;
                }

                var page = all.Skip(after).Take(pageSize).ToList();
                var result = new JsonObject
                {
                    ["from"] = new JsonObject { ["id"] = id },
                    ["to"] = new JsonArray([.. page.Select(to => (JsonNode)new JsonObject
                    {
                        ["toObjectId"] = to,
                        ["associationTypes"] = new JsonArray(new JsonObject { ["category"] = "HUBSPOT_DEFINED", ["typeId"] = TypeId(fromType, toType), ["label"] = null }),
                    })]),
                };
                if (after + page.Count < all.Count)
                {
                    result["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (after + page.Count).ToString(CultureInfo.InvariantCulture) } };
                }

                results.Add(result);
            }
        }

        return HubSpotEmulatorResponses.Json(HubSpotEmulatorResponses.Batch(results, errors, started, store.Time.GetUtcNow()), errors.Count > 0 ? 207 : 200);
    }

    private static int TypeId(string from, string to) => (from, to) switch
    {
        ("companies", "contacts") => 280,
        ("contacts", "companies") => 279,
        ("companies", "emails") => 186,
        ("companies", "meetings") => 188,
        ("companies", "calls") => 182,
        ("companies", "notes") => 190,
        _ => 1,
    };
}
