using Alignment.Sync.Alerts;

namespace Alignment.Sync.State;

/// <summary>One alert's row in the alert ledger, keyed by <see cref="Alert.Key"/>.</summary>
public sealed record AlertLedgerEntry
{
    public required Alert Alert { get; init; }
    public required AlertLedgerState State { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }
}
