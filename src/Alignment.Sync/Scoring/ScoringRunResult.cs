namespace Alignment.Sync.Scoring;

/// <summary>The outcome of one <see cref="ScoringRunJob.RunAsync"/> (also written to the run ledger).</summary>
public sealed record ScoringRunResult
{
    public required string RunId { get; init; }

    /// <summary><c>scoring</c> (incremental) or <c>full-rescore</c>.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Runs.RunKindJsonConverter))]
    public required Runs.RunKind Kind { get; init; }

    /// <summary>One of <see cref="Runs.RunOutcome"/>.</summary>
    public required Runs.RunOutcome Outcome { get; init; }

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

    /// <summary>Handoff DMs recorded in the alert ledger by this run (one per new handoff written).</summary>
    public int HandoffMessages { get; init; }

    /// <summary>Upward tier crossings written by this run (Tier 3 → Tier 2, anything → Tier 1); listed, up to the cap, in one digest.</summary>
    public int TierCrossings { get; init; }

    /// <summary>Alerts delivered at the end of the run (this run's DMs and digest, and any open alert left over).</summary>
    public int AlertsSent { get; init; }

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
