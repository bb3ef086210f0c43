namespace Alignment.Hosting.Runs;

/// <summary>
/// A job finished with outcome <c>Failed</c>. Thrown by the timer hosts so that the Functions host's retry policy (and
/// its failure telemetry) sees the failure; the message carries the run id and the job's error summary, no data.
/// </summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException()
    {
    }

    public RunFailedException(string message)
        : base(message)
    {
    }

    public RunFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RunFailedException(Sync.Runs.RunKind kind, string runId, string? error)
        : base($"The {Sync.Runs.RunKinds.Name(kind)} run {runId} failed: {error ?? "see the run ledger"}.")
    {
        Kind = kind;
        RunId = runId;
    }

    public Sync.Runs.RunKind? Kind { get; }

    public string? RunId { get; }
}
