namespace Alignment.Sync.Partitions;

/// <summary>The partitions of each partitioned run and which are done (Table Storage), so a run completes once and a rerun does only what is missing.</summary>
public interface IPartitionLedger
{
    /// <summary>Records a new plan (all partitions pending) and makes it the CRM's open run.</summary>
    Task StartAsync(IReadOnlyList<PartitionMessage> plan, CancellationToken cancellationToken);

    /// <summary>The CRM's open (not yet completed) run id, or null.</summary>
    Task<string?> GetOpenRunAsync(string crm, CancellationToken cancellationToken);

    /// <summary>Every partition of a run, in plan order.</summary>
    Task<IReadOnlyList<PartitionRecord>> ListAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Marks a partition done with its counters (a repeat overwrites: the counters of the last success win).</summary>
    Task CompleteAsync(PartitionRecord record, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt of a pending partition and its reason (shown by <c>alignment partitions</c>).</summary>
    Task RecordFailureAsync(PartitionMessage partition, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the CRM's open run when it is <paramref name="runId"/>; true for the one caller that closed it (so the run
    /// is recorded once even when the last two partitions finish together).
    /// </summary>
    Task<bool> TryCloseAsync(string crm, string runId, CancellationToken cancellationToken);
}
