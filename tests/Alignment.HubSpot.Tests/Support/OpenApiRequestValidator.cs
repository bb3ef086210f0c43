using System.Text.Json;
using System.Text.RegularExpressions;
using Alignment.TestKit.Paths;

namespace Alignment.HubSpot.Tests.Support;

/// <summary>
/// Checks recorded requests against HubSpot's official OpenAPI documents in shared/crm-api/specs/hubspot: the path
/// exists, the method exists, query parameters are declared, and the JSON body carries every required field (following
/// <c>$ref</c>s, arrays and nested objects). Known spec looseness: <c>sorts</c> is typed as strings but HubSpot's
/// guides send objects, so its items are not type-checked. The owners API has no 2026-03 document; date-versioned
/// owners paths are checked against the v3 one.
/// </summary>
public sealed class OpenApiRequestValidator
{
    private static readonly string[] Files =
    [
        "2026-03-companies.json", "2026-03-contacts.json", "2026-03-emails.json", "2026-03-meetings.json", "2026-03-calls.json",
        "2026-03-notes.json", "2026-03-associations.json", "2026-03-properties.json", "v3-companies.json", "v3-contacts.json",
        "v3-emails.json", "v3-meetings.json", "v3-calls.json", "v3-notes.json", "v3-objects.json", "v3-properties.json",
        "v3-crmOwners.json", "v4-associations.json",
    ];

    private readonly List<(Regex Path, string Template, JsonElement Item, JsonDocument Doc)> _paths = [];

    public OpenApiRequestValidator()
    {
        foreach (var file in Files)
        {
            var doc = JsonDocument.Parse(SharedFixtures.ReadText("specs/hubspot/" + file));
            foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
            {
                var pattern = "^" + Regex.Replace(Regex.Escape(path.Name), @"\\\{[^}]+\}", "[^/]+") + "$";
                _paths.Add((new Regex(pattern, RegexOptions.CultureInvariant), path.Name, path.Value, doc));
            }
        }
    }

    /// <summary>The documented operation a request matches (<c>POST /crm/objects/2026-03/companies/search</c>), or null.</summary>
    public string? Operation(string method, Uri uri) =>
        Match(uri) is { } match && match.Item.TryGetProperty(method.ToLowerInvariant(), out _) ? method + " " + match.Template : null;

    /// <summary>Problems of one request; empty when it conforms.</summary>
    public IReadOnlyList<string> Validate(string method, Uri uri, string? body)
    {
        if (Match(uri) is not var (_, template, item, doc))
        {
            return [$"{method} {uri.AbsolutePath}: no such path in the OpenAPI documents"];
        }

        if (!item.TryGetProperty(method.ToLowerInvariant(), out var operation))
        {
            return [$"{method} {template}: method not in the OpenAPI document"];
        }

        var problems = new List<string>();
        var declared = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToHashSet()
            : [];
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(pair.Split('=')[0]);
            if (!declared.Contains(name))
            {
                problems.Add($"{method} {template}: query parameter '{name}' is not declared");
            }
        }

        if (operation.TryGetProperty("requestBody", out var requestBody))
        {
            var required = requestBody.TryGetProperty("required", out var r) && r.GetBoolean();
            if (body is null)
            {
                if (required)
                {
                    problems.Add($"{method} {template}: the body is required");
                }
            }
            else if (requestBody.GetProperty("content").TryGetProperty("application/json", out var content))
            {
                using var json = JsonDocument.Parse(body);
                CheckSchema(doc, content.GetProperty("schema"), json.RootElement, "$", problems, 0, $"{method} {template}");
            }
        }

        return problems;
    }

    private (Regex Path, string Template, JsonElement Item, JsonDocument Doc)? Match(Uri uri)
    {
        var path = uri.AbsolutePath;
        var owners = Regex.Match(path, "^/crm/owners/[0-9]{4}-[0-9]{2}(/.*)?$");
        if (owners.Success)
        {
            path = "/crm/v3/owners" + owners.Groups[1].Value;
        }

        // Prefer the most literal template (e.g. /companies/search over /{objectType}/search).
        var matches = _paths.Where(p => p.Path.IsMatch(path)).OrderBy(m => m.Template.Count(c => c == '{')).ToList();
        return matches.Count == 0 ? null : matches[0];
    }

    private static void CheckSchema(JsonDocument doc, JsonElement schema, JsonElement value, string at, List<string> problems, int depth, string operation)
    {
        schema = Resolve(doc, schema);
        if (depth > 6)
        {
            return;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (schema.TryGetProperty("properties", out _) || type == "object")
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{operation}: {at} must be an object");
                return;
            }

            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        problems.Add($"{operation}: {at}.{name} is required");
                    }
                }
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (value.TryGetProperty(property.Name, out var child) && child.ValueKind != JsonValueKind.Null && property.Name != "sorts")
                    {
                        CheckSchema(doc, property.Value, child, at + "." + property.Name, problems, depth + 1, operation);
                    }
                }
            }

            return;
        }

        switch (type)
        {
            case "array" when value.ValueKind != JsonValueKind.Array:
                problems.Add($"{operation}: {at} must be an array");
                break;
            case "array":
                var i = 0;
                foreach (var element in value.EnumerateArray())
                {
                    CheckSchema(doc, schema.GetProperty("items"), element, $"{at}[{i++}]", problems, depth + 1, operation);
                }

                break;
            case "string" when value.ValueKind != JsonValueKind.String:
                problems.Add($"{operation}: {at} must be a string");
                break;
            case "string" when schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == value.GetString()):
                problems.Add($"{operation}: {at} = '{value.GetString()}' is not one of the allowed values");
                break;
            case "integer" or "number" when value.ValueKind != JsonValueKind.Number:
                problems.Add($"{operation}: {at} must be a number");
                break;
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                problems.Add($"{operation}: {at} must be a boolean");
                break;
            default:
                break;
        }
    }

    private static JsonElement Resolve(JsonDocument doc, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var node = doc.RootElement;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                node = node.GetProperty(part);
            }

            schema = node;
        }

        if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
        {
            return Resolve(doc, all[0]);
        }

        return schema;
    }
}
