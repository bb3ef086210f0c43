namespace Alignment.Sync.Partitions;

/// <summary>
/// The queue the partitions of a full rescore travel on (Azure Storage Queue <c>alignment-partitions</c>): one message
/// per partition, consumed by the queue-triggered function (or <c>alignment serve</c>'s workers); a message that keeps
/// failing ends in the poison queue with its reason (docs/partitions.md).
/// </summary>
public interface IPartitionQueue
{
    Task EnqueueAsync(IReadOnlyList<PartitionMessage> partitions, CancellationToken cancellationToken);
}
