namespace Alignment.HubSpot.Wire;

internal sealed record OwnerDto(string Id, string? Email, bool Archived = false);
