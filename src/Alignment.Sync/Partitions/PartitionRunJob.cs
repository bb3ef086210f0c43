using Alignment.Sync.Crm;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.State;
using Microsoft.Extensions.Logging;

namespace Alignment.Sync.Partitions;

/// <summary>
/// Scores one partition delivered by the queue (docs/partitions.md) through <see cref="ScoringRunJob.ScorePartitionAsync"/>,
/// marks it done in the partition ledger and, when it was the last, records the run once: one run-ledger row with the
/// partitions' counters added up, and the checkpoint's last full rescore moved to the plan's time (the incremental
/// checkpoint itself is left to the incremental runs). A failure throws: the queue delivers the partition again.
/// </summary>
public sealed partial class PartitionRunJob(
    ScoringRunJob scoring,
    IPartitionLedger ledger,
    IRunLedger runs,
    ICheckpointStore checkpoints,
    TimeProvider time,
    ILogger<PartitionRunJob> logger)
{
    public async Task<ScoringRunResult> RunAsync(PartitionMessage partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ScoringRunResult result;
        try
        {
            result = await scoring.ScorePartitionAsync(partition, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = (ex is CrmException crm ? crm.Code : ex.GetType().Name) + ": " + ex.Message;
            LogFailed(logger, partition.RunId, partition.Index, reason);
            await ledger.RecordFailureAsync(partition, reason, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await ledger.CompleteAsync(new PartitionRecord
        {
            Partition = partition,
            CompletedAt = time.GetUtcNow(),
            Read = result.Read,
            Written = result.Written,
            Failed = result.Failed,
            Handoffs = result.Handoffs,
            ApiCalls = result.ApiCalls,
        }, cancellationToken).ConfigureAwait(false);

        var all = await ledger.ListAsync(partition.RunId, cancellationToken).ConfigureAwait(false);
        if (all.Count == partition.Total && all.All(p => p.IsDone)
            && await ledger.TryCloseAsync(partition.Crm, partition.RunId, cancellationToken).ConfigureAwait(false))
        {
            await RecordRunAsync(partition, all, result.ModelVersion, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task RecordRunAsync(PartitionMessage partition, IReadOnlyList<PartitionRecord> all, string? modelVersion, CancellationToken cancellationToken)
    {
        await runs.AddAsync(new RunRecord
        {
            RunId = partition.RunId,
            Kind = ScoringRunJob.FullKind,
            Crm = partition.Crm,
            StartedAt = partition.PlannedAt,
            FinishedAt = time.GetUtcNow(),
            Outcome = RunOutcome.Succeeded,
            Read = all.Sum(p => p.Read),
            Scored = all.Sum(p => p.Read),
            Written = all.Sum(p => p.Written),
            Failed = all.Sum(p => p.Failed),
            ApiCalls = all.Sum(p => p.ApiCalls),
            ModelVersion = modelVersion,
        }, cancellationToken).ConfigureAwait(false);

        // The last full rescore is the plan's time; a conflicting save means another run moved the checkpoint: retry on its ETag.
        var name = ScoringRunJob.CheckpointName(partition.Crm);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await checkpoints.GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (stored?.Value.LastFullRunAt >= partition.PlannedAt)
            {
                break;
            }

            try
            {
                await checkpoints.SaveAsync(name, new Checkpoint(stored?.Value.ModifiedSince, partition.PlannedAt), stored?.ETag, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (ConcurrencyConflictException)
            {
            }
        }

        LogCompleted(logger, partition.RunId, all.Count, all.Sum(p => p.Read), all.Sum(p => p.Written));
    }

    [LoggerMessage(EventId = 263, Level = LogLevel.Warning, Message = "Partition {Index} of run {RunId} failed and will be delivered again: {Reason}")]
    private static partial void LogFailed(ILogger logger, string runId, int index, string reason);

    [LoggerMessage(EventId = 262, Level = LogLevel.Information, Message = "Partitioned run {RunId} completed: {Partitions} partitions, read {Read}, written {Written}")]
    private static partial void LogCompleted(ILogger logger, string runId, int partitions, int read, int written);
}
