namespace Alignment.HubSpot.Wire;

/// <summary>One id of an associations batch read, with the cursor of its next page when continuing.</summary>
internal sealed record AssociationInput(string Id, string? After = null);
