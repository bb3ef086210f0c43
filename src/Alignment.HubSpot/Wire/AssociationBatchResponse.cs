namespace Alignment.HubSpot.Wire;

internal sealed record AssociationBatchResponse(string? Status, IReadOnlyList<AssociationResult>? Results, int? NumErrors, IReadOnlyList<StandardError>? Errors);
