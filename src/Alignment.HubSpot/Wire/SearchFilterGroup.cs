namespace Alignment.HubSpot.Wire;

internal sealed record SearchFilterGroup(IReadOnlyList<SearchFilter> Filters);
