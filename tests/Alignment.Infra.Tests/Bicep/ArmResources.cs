using System.Text.Json.Nodes;

namespace Alignment.Infra.Tests.Bicep;

/// <summary>Walks the resources of a compiled ARM template, nested module deployments included.</summary>
internal static class ArmResources
{
    public static IEnumerable<JsonObject> All(JsonObject template) => WithTemplates(template).Select(p => p.Resource);

    /// <summary>Each resource with the (possibly nested) template that declares it, whose variables it may use.</summary>
    public static IEnumerable<(JsonObject Resource, JsonObject Template)> WithTemplates(JsonObject template)
    {
        var resources = template["resources"];
        var list = resources switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

        foreach (var resource in list)
        {
            yield return (resource, template);
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in WithTemplates(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IReadOnlyList<JsonObject> OfType(JsonObject template, string type) =>
        [.. All(template).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];
}
