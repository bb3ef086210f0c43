namespace Alignment.Sync.Plan;

/// <summary>The dry-run report for RevOps: what a scoring run and an SLA sweep would write and send now.</summary>
public sealed record PlanReport
{
    public required string Crm { get; init; }
    public required string ModelVersion { get; init; }

    /// <summary>The evaluation instant (UTC).</summary>
    public required DateTimeOffset AsOf { get; init; }

    public int Read { get; init; }

    /// <summary>Accounts with something to write or send, in read order.</summary>
    public IReadOnlyList<PlannedAccount> Accounts { get; init; } = [];

    /// <summary>Accounts read whose fields are already right.</summary>
    public int Unchanged { get; init; }

    public int Handoffs => Accounts.Count(a => a.Handoff is not null);

    public int Writes => Accounts.Count(a => a.Changes.Count > 0);

    public int ApiCalls { get; init; }
}
