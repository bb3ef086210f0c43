namespace Alignment.Sync.Scoring;

/// <summary>The outcome of one <see cref="ScoringRunJob.RunAsync"/> (also written to the run ledger).</summary>
public sealed record ScoringRunResult
{
    public required string RunId { get; init; }

    /// <summary><c>scoring</c> (incremental) or <c>full-rescore</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>One of <see cref="Runs.RunOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    public required string ModelVersion { get; init; }
    public int Read { get; init; }
    public int Scored { get; init; }

    /// <summary>Accounts with at least one field to write.</summary>
    public int Changed { get; init; }

    public int Written { get; init; }

    /// <summary>Accounts whose write failed (transiently or for good).</summary>
    public int Failed { get; init; }

    /// <summary>New handoffs written.</summary>
    public int Handoffs { get; init; }

    public IReadOnlyList<AccountFailure> PermanentFailures { get; init; } = [];

    /// <summary>API calls made by this run.</summary>
    public int ApiCalls { get; init; }

    /// <summary>The checkpoint (modified-since instant, UTC) before and after the run.</summary>
    public DateTimeOffset? CheckpointBefore { get; init; }

    public DateTimeOffset? CheckpointAfter { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>A short error summary (codes, no data), when something failed.</summary>
    public string? Error { get; init; }
}
