namespace Alignment.HubSpot.Wire;

internal sealed record NextPage(string? After, string? Link);
