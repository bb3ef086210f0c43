using Alignment.Sync.Crm;

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

    /// <summary>
    /// Tier moves over every account read (the CRM's tier → the tier the run would write; a locked tier stays), the
    /// migration summary of a candidate model (<c>alignment plan --model FILE</c>).
    /// </summary>
    public IReadOnlyList<PlanTierMove> Migration { get; init; } = [];

    /// <summary>Accounts whose only write is the model version and its instant: the model-version wave of a model change.</summary>
    public int ModelVersionOnly => Accounts.Count(a => a.Changes.Count > 0 && a.Changes.All(c => c.Field is AlignmentField.ModelVersion or AlignmentField.ScoredAt));

    /// <summary>Write calls the writes take at the configured batch size (<c>Alignment:Sync:WriteBatchSize</c>).</summary>
    public int WriteCalls { get; init; }

    public int Writes => Accounts.Count(a => a.Changes.Count > 0);

    public int ApiCalls { get; init; }
}
