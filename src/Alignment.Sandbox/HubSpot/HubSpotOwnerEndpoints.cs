using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.HubSpot;

/// <summary>Owners list with <c>limit</c>/<c>after</c> paging.</summary>
internal static class HubSpotOwnerEndpoints
{
    public static IResult List(HubSpotEmulator emulator, HttpContext context)
    {
        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 500) : 100;
        var after = int.TryParse(query["after"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? a : 0;
        var store = emulator.Store;
        lock (store.Sync)
        {
            var page = store.Owners.Skip(after).Take(limit).ToList();
            var body = new JsonObject
            {
                ["results"] = new JsonArray([.. page.Select(o => (JsonNode)new JsonObject
                {
                    ["id"] = o.Id,
                    ["email"] = o.Email,
                    ["type"] = "PERSON",
                    ["firstName"] = "Owner",
                    ["lastName"] = o.Id,
                    ["userId"] = long.TryParse(o.Id, out var u) ? u : 0,
                    ["createdAt"] = "2024-01-01T00:00:00.000Z",
                    ["updatedAt"] = "2024-01-01T00:00:00.000Z",
                    ["archived"] = false,
                })]),
            };
            if (after + page.Count < store.Owners.Count)
            {
                body["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (after + page.Count).ToString(CultureInfo.InvariantCulture) } };
            }

            return HubSpotEmulatorResponses.Json(body);
        }
    }
}
