using Alignment.Sync.Crm;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Partitions;

/// <summary>
/// Starts a partitioned full rescore (docs/partitions.md): the nightly timer plans the CRM's accounts into id ranges of
/// <see cref="SyncOptions.PartitionSize"/>, records the plan in the partition ledger and enqueues one message per
/// partition. When the CRM's previous partitioned run is still open and younger than
/// <see cref="SyncOptions.PartitionRunMaxAge"/>, it plans nothing and enqueues only the partitions not yet done.
/// </summary>
public sealed partial class PartitionPlanJob(
    ICrm crm,
    IAccountPartitioner partitioner,
    IPartitionLedger ledger,
    IPartitionQueue queue,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<PartitionPlanJob> logger)
{
    public async Task<PartitionPlanResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await ledger.GetOpenRunAsync(crm.Name, cancellationToken).ConfigureAwait(false) is { } open)
        {
            var partitions = await ledger.ListAsync(open, cancellationToken).ConfigureAwait(false);
            if (partitions.Count > 0 && now - partitions[0].Partition.PlannedAt < options.Value.PartitionRunMaxAge)
            {
                var missing = partitions.Where(p => !p.IsDone).Select(p => p.Partition).ToList();
                await queue.EnqueueAsync(missing, cancellationToken).ConfigureAwait(false);
                LogResumed(logger, open, missing.Count, partitions.Count);
                return new PartitionPlanResult(open, partitions.Count, missing.Count, Resumed: true);
            }
        }

        var runId = RunIds.For(crm.Name, ScoringRunJob.FullKind, now);
        var ranges = await partitioner.PlanAsync(options.Value.PartitionSize, cancellationToken).ConfigureAwait(false);
        var plan = ranges.Select((r, i) => new PartitionMessage(runId, crm.Name, i, ranges.Count, r.From, r.To, r.Count, now)).ToList();
        await ledger.StartAsync(plan, cancellationToken).ConfigureAwait(false);
        await queue.EnqueueAsync(plan, cancellationToken).ConfigureAwait(false);
        LogPlanned(logger, runId, plan.Count, ranges.Sum(r => r.Count));
        return new PartitionPlanResult(runId, plan.Count, plan.Count, Resumed: false);
    }

    [LoggerMessage(EventId = 260, Level = LogLevel.Information, Message = "Partitioned run {RunId} planned: {Partitions} partitions, {Accounts} accounts")]
    private static partial void LogPlanned(ILogger logger, string runId, int partitions, int accounts);

    [LoggerMessage(EventId = 261, Level = LogLevel.Information, Message = "Partitioned run {RunId} resumed: {Missing} of {Partitions} partitions enqueued again")]
    private static partial void LogResumed(ILogger logger, string runId, int missing, int partitions);
}

/// <summary>What <see cref="PartitionPlanJob"/> did.</summary>
/// <param name="RunId">The partitioned run.</param>
/// <param name="Partitions">Partitions in its plan.</param>
/// <param name="Enqueued">Messages put on the queue now.</param>
/// <param name="Resumed">Whether an open run was resumed instead of a new one planned.</param>
public sealed record PartitionPlanResult(string RunId, int Partitions, int Enqueued, bool Resumed);
