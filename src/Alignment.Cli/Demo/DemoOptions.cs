namespace Alignment.Cli.Demo;

/// <summary>What <c>alignment demo</c> simulates.</summary>
internal sealed record DemoOptions
{
    /// <summary>Seed of the generated org and of the reps' behaviour.</summary>
    public int Seed { get; init; } = 42;

    public int AccountCount { get; init; } = 1000;

    /// <summary>Start of the simulated day: Tuesday 17 November 2026, 09:00 in New York.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);

    /// <summary>How long the simulated day runs (until the last US West Coast rep has left).</summary>
    public TimeSpan Length { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Simulated time between two SLA sweeps.</summary>
    public TimeSpan SweepEvery { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The clone's root (tools/azurite); found from the working directory when null.</summary>
    public string? RepoRoot { get; init; }
}
