namespace Alignment.HubSpot.Wire;

internal sealed record AssociationResult(ObjectIdInput From, IReadOnlyList<AssociatedObject>? To, Paging? Paging);
