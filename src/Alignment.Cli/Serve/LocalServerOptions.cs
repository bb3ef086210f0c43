namespace Alignment.Cli.Serve;

/// <summary>How <c>alignment serve</c> listens.</summary>
internal sealed record LocalServerOptions
{
    /// <summary>Loopback port; 0 picks a free one. Default 7071, the port of <c>func start</c>.</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Run the four timers (off: webhooks and health only).</summary>
    public bool Timers { get; init; } = true;

    /// <summary>The partition queue's workers (0: none); docs/partitions.md.</summary>
    public PartitionWorkerOptions Partitions { get; init; } = new();

    /// <summary>Log at Information (else Warning).</summary>
    public bool Verbose { get; init; }
}
