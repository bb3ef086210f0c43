using Alignment.Hosting;
using Alignment.Sync.Crm;

namespace Alignment.Cli.Sandbox;

/// <summary>What <see cref="SandboxEnvironment"/> starts.</summary>
internal sealed record SandboxOptions
{
    /// <summary>The emulated CRMs to start (each seeded with the same generated org).</summary>
    public IReadOnlyList<CrmKind> Crms { get; init; } = [CrmKind.Salesforce, CrmKind.HubSpot];

    public int Seed { get; init; } = 42;

    public int AccountCount { get; init; } = 1000;

    /// <summary>The clock of the emulators and the generated activity ("now" of the org).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Start Azurite (installing it first if needed) for the connector's state.</summary>
    public bool Azurite { get; init; } = true;

    /// <summary>The clone's root (for tools/azurite); found from the working directory when null.</summary>
    public string? RepoRoot { get; init; }
}
