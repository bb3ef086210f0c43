namespace Alignment.HubSpot.Wire;

internal sealed record OwnersResponse(IReadOnlyList<OwnerDto>? Results, Paging? Paging);
