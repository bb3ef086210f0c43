using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.HubSpot;

/// <summary>Properties API: groups and property definitions (404 when absent, 409 when created twice), and value checks for writes.</summary>
internal static class HubSpotPropertyEndpoints
{
    private static readonly string[] RequiredPropertyFields = ["name", "label", "type", "fieldType", "groupName"];

    public static IResult GetGroup(HubSpotEmulator emulator, string type, string name)
    {
        var store = emulator.Store;
        lock (store.Sync)
        {
            return store.Groups.TryGetValue(type, out var groups) && groups.TryGetValue(name, out var group)
                ? HubSpotEmulatorResponses.Json(group.DeepClone())
                : HubSpotEmulatorResponses.Error(404, "OBJECT_NOT_FOUND", $"Unable to find property group {name} for object type {type}.");
        }
    }

    public static async Task<IResult> CreateGroupAsync(HubSpotEmulator emulator, string type, HttpContext context)
    {
        if (await HubSpotEmulatorRoutes.BodyAsync(context) is not JsonObject body || body["name"] is null || body["label"] is null)
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "A property group needs name and label.");
        }

        var store = emulator.Store;
        lock (store.Sync)
        {
            var groups = Table(store.Groups, type);
            var name = body["name"]!.ToString();
            if (groups.ContainsKey(name))
            {
                return HubSpotEmulatorResponses.Error(409, "CONFLICT", $"A property group named {name} already exists.");
            }

            body["archived"] = false;
            groups[name] = body;
            return HubSpotEmulatorResponses.Json(body.DeepClone(), 201);
        }
    }

    public static IResult GetProperty(HubSpotEmulator emulator, string type, string name)
    {
        var store = emulator.Store;
        lock (store.Sync)
        {
            return store.Properties.TryGetValue(type, out var properties) && properties.TryGetValue(name, out var property)
                ? HubSpotEmulatorResponses.Json(property.DeepClone())
                : HubSpotEmulatorResponses.Error(404, "OBJECT_NOT_FOUND", $"Unable to find property {name} for object type {type}.");
        }
    }

    public static async Task<IResult> CreatePropertyAsync(HubSpotEmulator emulator, string type, HttpContext context)
    {
        if (await HubSpotEmulatorRoutes.BodyAsync(context) is not JsonObject body || RequiredPropertyFields.Any(f => body[f] is null))
        {
            return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", "A property needs name, label, type, fieldType and groupName.");
        }

        var store = emulator.Store;
        lock (store.Sync)
        {
            var name = body["name"]!.ToString();
            var group = body["groupName"]!.ToString();
            if (!store.Groups.TryGetValue(type, out var groups) || !groups.ContainsKey(group))
            {
                return HubSpotEmulatorResponses.Error(400, "VALIDATION_ERROR", $"Property group {group} does not exist.");
            }

            var properties = Table(store.Properties, type);
            if (properties.ContainsKey(name) || (type == "companies" && HubSpotEmulatorStore.StandardCompanyProperties.Contains(name)))
            {
                return HubSpotEmulatorResponses.Error(409, "CONFLICT", $"Property {name} already exists.");
            }

            properties[name] = body;
            return HubSpotEmulatorResponses.Json(body.DeepClone(), 201);
        }
    }

    /// <summary>Why a written value is refused (unknown property, bad number, option, bool or date), or null.</summary>
    public static (string Code, string Message)? ValueProblem(HubSpotEmulatorStore store, string type, string name, JsonNode? value)
    {
        if (value is not null && value.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return ("INVALID_TYPE", $"{name}: property values must be strings.");
        }

        var text = value?.GetValue<string>() ?? "";
        if (type != "companies" || HubSpotEmulatorStore.StandardCompanyProperties.Contains(name))
        {
            return null;
        }

        if (!store.Properties.TryGetValue(type, out var properties) || !properties.TryGetValue(name, out var definition))
        {
            return ("PROPERTY_DOESNT_EXIST", $"Property \"{name}\" does not exist.");
        }

        if (text.Length == 0)
        {
            return null;
        }

        var ok = definition["type"]?.ToString() switch
        {
            "number" => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "bool" => text is "true" or "false",
            "enumeration" => (definition["options"] as JsonArray ?? []).Any(o => o?["value"]?.ToString() == text),
            "datetime" or "date" => long.TryParse(text, out _) || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            _ => true,
        };
        return ok ? null : ("INVALID_OPTION", $"{text} was not a valid value for {name}.");
    }

    private static Dictionary<string, JsonObject> Table(Dictionary<string, Dictionary<string, JsonObject>> tables, string type)
    {
        if (!tables.TryGetValue(type, out var table))
        {
            tables[type] = table = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        }

        return table;
    }
}
