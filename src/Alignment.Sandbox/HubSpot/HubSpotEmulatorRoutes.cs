using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// Maps every endpoint twice: on the configured date version (<c>/crm/objects/{version}/...</c>,
/// <c>/crm/associations/{version}/...</c>, <c>/crm/properties/{version}/...</c>, <c>/crm/lists/{version}</c>,
/// <c>/crm/owners/{version}</c>, <c>/events/event-occurrences/{version}</c>) and on
/// the numbered aliases (<c>/crm/v3/...</c>, associations <c>/crm/v4/...</c>, events <c>/events/v3/events</c>). A different date version answers 404.
/// </summary>
internal static class HubSpotEmulatorRoutes
{
    public static void Map(WebApplication app, HubSpotEmulator e)
    {
        Both(app, "POST", "/crm/objects/{version}/{type}/search", "/crm/v3/objects/{type}/search",
            c => HubSpotObjectEndpoints.SearchAsync(e, Route(c, "type"), c));
        Both(app, "POST", "/crm/objects/{version}/{type}/batch/read", "/crm/v3/objects/{type}/batch/read",
            c => HubSpotObjectEndpoints.BatchReadAsync(e, Route(c, "type"), c));
        Both(app, "POST", "/crm/objects/{version}/{type}/batch/update", "/crm/v3/objects/{type}/batch/update",
            c => HubSpotObjectEndpoints.BatchUpdateAsync(e, Route(c, "type"), c));
        Both(app, "POST", "/crm/associations/{version}/{from}/{to}/batch/read", "/crm/v4/associations/{from}/{to}/batch/read",
            c => HubSpotAssociationEndpoints.BatchReadAsync(e, Route(c, "from"), Route(c, "to"), c));
        Both(app, "GET", "/crm/owners/{version}", "/crm/v3/owners",
            c => Task.FromResult(HubSpotOwnerEndpoints.List(e, c)));
        Both(app, "GET", "/crm/properties/{version}/{type}/groups/{name}", "/crm/v3/properties/{type}/groups/{name}",
            c => Task.FromResult(HubSpotPropertyEndpoints.GetGroup(e, Route(c, "type"), Route(c, "name"))));
        Both(app, "POST", "/crm/properties/{version}/{type}/groups", "/crm/v3/properties/{type}/groups",
            c => HubSpotPropertyEndpoints.CreateGroupAsync(e, Route(c, "type"), c));
        Both(app, "GET", "/crm/properties/{version}/{type}/{name}", "/crm/v3/properties/{type}/{name}",
            c => Task.FromResult(HubSpotPropertyEndpoints.GetProperty(e, Route(c, "type"), Route(c, "name"))));
        Both(app, "POST", "/crm/properties/{version}/{type}", "/crm/v3/properties/{type}",
            c => HubSpotPropertyEndpoints.CreatePropertyAsync(e, Route(c, "type"), c));
        Both(app, "POST", "/crm/lists/{version}", "/crm/v3/lists",
            c => HubSpotListEndpoints.CreateAsync(e, c));
        Both(app, "GET", "/crm/lists/{version}/object-type-id/{objectTypeId}/name/{name}", "/crm/v3/lists/object-type-id/{objectTypeId}/name/{name}",
            c => Task.FromResult(HubSpotListEndpoints.GetByName(e, Route(c, "objectTypeId"), Route(c, "name"), c)));
        Both(app, "GET", "/crm/lists/{version}/{listId}", "/crm/v3/lists/{listId}",
            c => Task.FromResult(HubSpotListEndpoints.Get(e, Route(c, "listId"), c)));

        Both(app, "GET", "/events/event-occurrences/{version}", "/events/v3/events",
            c => Task.FromResult(HubSpotEventEndpoints.List(e, c)));

        app.MapFallback((HttpContext c) => HubSpotEmulatorResponses.Error(404, "OBJECT_NOT_FOUND", "Unknown endpoint " + c.Request.Method + " " + c.Request.Path));

        void Both(WebApplication a, string method, string versioned, string alias, Func<HttpContext, Task<IResult>> handler)
        {
            a.MapMethods(versioned, [method], async (HttpContext c) =>
                Route(c, "version") == e.Options.ApiVersion
                    ? await handler(c)
                    : HubSpotEmulatorResponses.Error(404, "OBJECT_NOT_FOUND", $"Unknown API version {Route(c, "version")}."));
            a.MapMethods(alias, [method], handler);
        }
    }

    public static async Task<JsonNode?> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";
}
