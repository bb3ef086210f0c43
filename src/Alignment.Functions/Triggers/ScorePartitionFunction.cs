using Alignment.Storage.Partitions;
using Alignment.Sync.Partitions;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Triggers;

/// <summary>
/// Scores one partition of a partitioned full rescore (docs/partitions.md). The host delivers a message that throws up
/// to 5 times, then moves it to <c>alignment-partitions-poison</c>; the failure's reason is in the logs and on the
/// partition's ledger row, and the next nightly plan enqueues the partitions still not done.
/// </summary>
public sealed class ScorePartitionFunction(PartitionRunJob job)
{
    [Function("ScorePartition")]
    public async Task RunAsync(
        [QueueTrigger(IPartitionQueue.QueueName, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        await job.RunAsync(PartitionQueues.Deserialize(message), cancellationToken).ConfigureAwait(false);
    }
}
