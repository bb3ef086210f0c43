namespace Alignment.HubSpot.Wire;

internal sealed record SearchFilter(string PropertyName, string Operator, string? Value = null, IReadOnlyList<string>? Values = null);
