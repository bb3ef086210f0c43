using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// Event occurrences (events API, <c>GET /events/v3/events</c>): filtered by <c>objectType</c> with <c>objectId</c>
/// or <c>objectProperty.{name}</c> (a property of the record, ANDed), <c>eventType</c>, <c>occurredAfter</c>/<c>occurredBefore</c> (exclusive), oldest first, <c>limit</c>
/// (default 10) with an <c>after</c> cursor in <c>paging.next</c>.
/// </summary>
internal static class HubSpotEventEndpoints
{
    public static IResult List(HubSpotEmulator emulator, HttpContext context)
    {
        if (emulator.Faults.EventsUnavailable)
        {
            return HubSpotEmulatorResponses.Error(403, "MISSING_SCOPES",
                "This app hasn't been granted all required scopes to make this call, or the portal's subscription does not include the events API.");
        }

        var query = context.Request.Query;
        string? objectType = query["objectType"];
        string? objectId = query["objectId"];
        var propertyFilters = query.Where(q => q.Key.StartsWith("objectProperty.", StringComparison.Ordinal))
            .Select(q => (Name: q.Key["objectProperty.".Length..], Value: q.Value.ToString())).ToList();
        if (!string.IsNullOrEmpty(objectId) && string.IsNullOrEmpty(objectType))
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "objectId needs objectType.");
        }

        if (!string.IsNullOrEmpty(objectType) && string.IsNullOrEmpty(objectId) && propertyFilters.Count == 0)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "objectType needs objectId or an objectProperty filter.");
        }

        if (!TryInstant(query["occurredAfter"], out var occurredAfter) || !TryInstant(query["occurredBefore"], out var occurredBefore))
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "occurredAfter and occurredBefore are ISO 8601 date-times.");
        }

        var limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 1000) : 10;
        var offset = int.TryParse(query["after"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? Math.Max(a, 0) : 0;
        string? eventType = query["eventType"];
        var store = emulator.Store;
        lock (store.Sync)
        {
            IEnumerable<(string Type, long Id, EmulatedEvent Event)> events = store.Events.SelectMany(p => p.Value.Select(v => (p.Key.ObjectType, p.Key.ObjectId, v)));
            if (!string.IsNullOrEmpty(objectType))
            {
                var type = Plural(objectType);
                events = events.Where(x => x.Type == type);
                if (!string.IsNullOrEmpty(objectId))
                {
                    var id = long.TryParse(objectId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
                    events = store.Events.TryGetValue((type, id), out var list) ? list.Select(v => (type, id, v)) : [];
                }

                // objectProperty.{name}=value: events of the records whose property has that value (ANDed).
                foreach (var (name, value) in propertyFilters)
                {
                    events = events.Where(x => store.Get(x.Type, x.Id)?.Properties.GetValueOrDefault(name) == value);
                }
            }

            var matching = events
                .Where(x => string.IsNullOrEmpty(eventType) || x.Event.EventType == eventType)
                .Where(x => occurredAfter is not { } from || x.Event.OccurredAt > from)
                .Where(x => occurredBefore is not { } to || x.Event.OccurredAt < to)
                .OrderBy(x => x.Event.OccurredAt).ThenBy(x => x.Event.Id, StringComparer.Ordinal)
                .ToList();
            var page = matching.Skip(offset).Take(limit).ToList();
            var body = new JsonObject
            {
                ["results"] = new JsonArray([.. page.Select(x => (JsonNode)new JsonObject
                {
                    ["objectType"] = Singular(x.Type),
                    ["objectId"] = x.Id.ToString(CultureInfo.InvariantCulture),
                    ["eventType"] = x.Event.EventType,
                    ["occurredAt"] = HubSpotEmulatorStore.Iso(x.Event.OccurredAt),
                    ["id"] = x.Event.Id,
                    ["properties"] = new JsonObject([.. x.Event.Properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
                })]),
            };
            if (offset + page.Count < matching.Count)
            {
                var next = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
                body["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next, ["link"] = "?after=" + next } };
            }

            return HubSpotEmulatorResponses.Json(body);
        }
    }

    /// <summary>The events API names object types singular (<c>contact</c>) or plural; the store keys them plural.</summary>
    private static string Plural(string objectType) => objectType.ToLowerInvariant() switch
    {
        "contact" or "contacts" or "0-1" => "contacts",
        "company" or "companies" or "0-2" => "companies",
        var other => other,
    };

    private static string Singular(string objectType) => objectType == "companies" ? "COMPANY" : objectType == "contacts" ? "CONTACT" : objectType.ToUpperInvariant();

    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }
}
