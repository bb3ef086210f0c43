namespace Alignment.Sync.State;

/// <summary>One row of the run ledger.</summary>
public sealed record RunRecord
{
    public required string RunId { get; init; }

    /// <summary>What the run did; stored by its <see cref="Runs.RunKinds.Name"/> (<c>full-rescore</c>, …).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Runs.RunKindJsonConverter))]
    public required Runs.RunKind Kind { get; init; }

    public required string Crm { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary><c>Succeeded</c>, <c>Failed</c>, <c>StoppedAtBudget</c>, <c>Cancelled</c>.</summary>
    public Runs.RunOutcome Outcome { get; init; } = Runs.RunOutcome.Succeeded;

    public int Read { get; init; }
    public int Scored { get; init; }
    public int Changed { get; init; }
    public int Written { get; init; }
    public int Failed { get; init; }
    public int AlertsSent { get; init; }
    public int ApiCalls { get; init; }
    public string? ModelVersion { get; init; }

    /// <summary>A short error summary (codes and counts; no personal data).</summary>
    public string? Error { get; init; }
}
