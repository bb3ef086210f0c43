namespace Alignment.HubSpot.Wire;

internal sealed record PropertyOptionDto(string Label, string Value, int DisplayOrder, bool Hidden = false, string? Description = null);
