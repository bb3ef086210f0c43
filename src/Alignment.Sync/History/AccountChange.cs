namespace Alignment.Sync.History;

/// <summary>One write of the connector to one account: the run that made it, when, and each field's old and new value.</summary>
public sealed record AccountChange(string AccountId, DateTimeOffset At, string RunId, IReadOnlyList<FieldChange> Changes);
