namespace Alignment.HubSpot.Wire;

/// <summary>The spec types <c>toObjectId</c> as a string; HubSpot sends a number. Both are read.</summary>
internal sealed record AssociatedObject(long ToObjectId);
