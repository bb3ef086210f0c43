namespace Alignment.HubSpot.Wire;

internal sealed record ObjectIdInput(string Id);
