namespace Alignment.HubSpot.Wire;

internal sealed record BatchReadRequest(IReadOnlyList<string> Properties, IReadOnlyList<string> PropertiesWithHistory, IReadOnlyList<ObjectIdInput> Inputs);
