namespace Alignment.Sync.Partitions;

/// <summary>A partition's row in the partition ledger: its range, and once scored its counters.</summary>
public sealed record PartitionRecord
{
    public required PartitionMessage Partition { get; init; }

    /// <summary>Null while pending; when the partition's accounts were read, scored and written.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    public int Read { get; init; }
    public int Written { get; init; }
    public int Failed { get; init; }
    public int Handoffs { get; init; }
    public int ApiCalls { get; init; }

    /// <summary>Failed attempts so far.</summary>
    public int FailedAttempts { get; init; }

    /// <summary>Why the last attempt failed (an error code and message, no personal data), or null.</summary>
    public string? LastError { get; init; }

    public bool IsDone => CompletedAt is not null;
}
