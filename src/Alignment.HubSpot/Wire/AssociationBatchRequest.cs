namespace Alignment.HubSpot.Wire;

internal sealed record AssociationBatchRequest(IReadOnlyList<AssociationInput> Inputs);
