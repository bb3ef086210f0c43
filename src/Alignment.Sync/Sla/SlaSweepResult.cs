namespace Alignment.Sync.Sla;

/// <summary>The outcome of one <see cref="SlaSweepJob.RunAsync"/> (also written to the run ledger).</summary>
public sealed record SlaSweepResult
{
    public required string RunId { get; init; }

    /// <summary>One of <see cref="Runs.RunOutcome"/>.</summary>
    public required Runs.RunOutcome Outcome { get; init; }

    /// <summary>Open handoffs read.</summary>
    public int Read { get; init; }

    /// <summary>Accounts with SLA fields to write (status, first response, recycle).</summary>
    public int Changed { get; init; }

    public int Written { get; init; }
    public int Failed { get; init; }

    /// <summary>Handoffs recycled to nurture by this sweep.</summary>
    public int Recycled { get; init; }

    /// <summary>Handoffs whose SLA status became Breached in this sweep.</summary>
    public int Breaches { get; init; }

    /// <summary>Alert-ledger entries created (alerts newly due).</summary>
    public int AlertsDue { get; init; }

    public int AlertsSent { get; init; }

    /// <summary>Alerts that failed transiently and wait for their back-off.</summary>
    public int AlertsRetrying { get; init; }

    /// <summary>Alerts whose delivery the channel cannot confirm; left for a person, never resent.</summary>
    public IReadOnlyList<string> AlertsUnknown { get; init; } = [];

    /// <summary>Alerts given up after repeated permanent failures.</summary>
    public IReadOnlyList<string> AlertsFailed { get; init; } = [];

    public int ApiCalls { get; init; }
    public string? Error { get; init; }
}
