namespace Alignment.HubSpot.Wire;

/// <summary>A property definition (<c>PropertyCreate</c> when sent, <c>Property</c> when read).</summary>
internal sealed record PropertyDto(
    string Name,
    string Label,
    string Type,
    string FieldType,
    string GroupName,
    string? Description = null,
    IReadOnlyList<PropertyOptionDto>? Options = null,
    int? DisplayOrder = null,
    bool? HasUniqueValue = null,
    bool? Hidden = null,
    bool? FormField = null);
