namespace Alignment.HubSpot.Wire;

/// <summary><c>infra/hubspot/alignment-properties.json</c>: the group and the property definitions (one source of truth).</summary>
internal sealed record PropertyDefinitionsFile(string ObjectType, PropertyGroupDto Group, IReadOnlyList<PropertyDefinitionEntry> Properties);
