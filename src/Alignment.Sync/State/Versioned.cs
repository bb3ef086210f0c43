namespace Alignment.Sync.State;

/// <summary>A stored value with the ETag that a conditional update must present.</summary>
public sealed record Versioned<T>(T Value, string ETag);
