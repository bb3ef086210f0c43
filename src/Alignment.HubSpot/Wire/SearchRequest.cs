namespace Alignment.HubSpot.Wire;

internal sealed record SearchRequest(
    IReadOnlyList<SearchFilterGroup> FilterGroups,
    IReadOnlyList<SearchSort> Sorts,
    IReadOnlyList<string> Properties,
    int Limit,
    string After);
