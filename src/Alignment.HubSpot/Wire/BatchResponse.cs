namespace Alignment.HubSpot.Wire;

/// <summary><c>BatchResponseSimplePublicObject</c> (200) or <c>...WithErrors</c> (207).</summary>
internal sealed record BatchResponse(string? Status, IReadOnlyList<HubSpotObject>? Results, int? NumErrors, IReadOnlyList<StandardError>? Errors);
