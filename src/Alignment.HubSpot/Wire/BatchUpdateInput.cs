namespace Alignment.HubSpot.Wire;

internal sealed record BatchUpdateInput(string Id, IReadOnlyDictionary<string, string> Properties, string? ObjectWriteTraceId);
