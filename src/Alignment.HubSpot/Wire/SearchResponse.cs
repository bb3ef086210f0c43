namespace Alignment.HubSpot.Wire;

internal sealed record SearchResponse(int Total, IReadOnlyList<HubSpotObject>? Results, Paging? Paging);
