using System.Text.Json;

namespace Alignment.Cli.Composition;

/// <summary>
/// Reads the settings file the Functions host uses locally (<c>local.settings.json</c>: <c>{"Values": {"Alignment__Crm":
/// "Salesforce", ...}}</c>) or a plain nested JSON configuration file, as flat configuration keys with ':'.
/// </summary>
internal static class LocalSettingsFile
{
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The settings file must hold a JSON object.");
        }

        if (root.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject())
            {
                settings[value.Name.Replace("__", ":", StringComparison.Ordinal)] = Scalar(value.Value);
            }

            return settings;
        }

        Flatten(root, prefix: null, settings);
        return settings;
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> settings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : prefix + ":" + property.Name, settings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, prefix + ":" + index++, settings);
                }

                break;
            default:
                if (prefix is not null)
                {
                    settings[prefix] = Scalar(element);
                }

                break;
        }
    }

    private static string? Scalar(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null => null,
            _ => element.GetRawText(),
        };
}
