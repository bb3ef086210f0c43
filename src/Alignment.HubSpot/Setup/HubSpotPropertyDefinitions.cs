using System.Text.Json;
using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;

namespace Alignment.HubSpot.Setup;

/// <summary>
/// The group and property definitions of <c>infra/hubspot/alignment-properties.json</c>, embedded in this assembly
/// (one source of truth), with names following the configured property map.
/// </summary>
internal static class HubSpotPropertyDefinitions
{
    public const string ResourceName = "Alignment.HubSpot.alignment-properties.json";

    private static readonly Lazy<PropertyDefinitionsFile> File = new(Load);

    public static PropertyDefinitionsFile Raw => File.Value;

    public static IReadOnlyList<PropertyDto> For(HubSpotPropertyMap names)
    {
        var file = File.Value;
        return
        [
            .. file.Properties.Select(p => new PropertyDto(
                Enum.TryParse<AlignmentField>(p.Field, out var field) ? names[field] : p.Name,
                p.Label, p.Type, p.FieldType, file.Group.Name, p.Description, p.Options, p.DisplayOrder,
                HasUniqueValue: false, Hidden: false, FormField: false)),
        ];
    }

    private static PropertyDefinitionsFile Load()
    {
        using var stream = typeof(HubSpotPropertyDefinitions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return JsonSerializer.Deserialize(stream, HubSpotJsonContext.Default.PropertyDefinitionsFile)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is empty.");
    }
}
