namespace Alignment.HubSpot.Wire;

internal sealed record PropertyGroupDto(string Name, string Label, int? DisplayOrder = null);
