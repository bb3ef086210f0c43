namespace Alignment.HubSpot.Wire;

internal sealed record BatchUpdateRequest(IReadOnlyList<BatchUpdateInput> Inputs);
