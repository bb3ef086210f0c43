namespace Alignment.HubSpot.Wire;

/// <summary>A property definition tied to the connector field it holds (its name follows the configured property map).</summary>
internal sealed record PropertyDefinitionEntry(
    string Field,
    string Name,
    string Label,
    string Type,
    string FieldType,
    string? Description = null,
    IReadOnlyList<PropertyOptionDto>? Options = null,
    int? DisplayOrder = null);
