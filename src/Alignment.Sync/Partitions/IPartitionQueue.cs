namespace Alignment.Sync.Partitions;

/// <summary>
/// The queue the partitions of a full rescore travel on (Azure Storage Queue <c>alignment-partitions</c>): one message
/// per partition, consumed by the queue-triggered function (or <c>alignment serve</c>'s workers); a message that keeps
/// failing ends in the poison queue with its reason (docs/partitions.md).
/// </summary>
public interface IPartitionQueue
{
    /// <summary>The queue's name (the queue-triggered function binds to it; the host moves failures to <c>{name}-poison</c>).</summary>
    public const string QueueName = "alignment-partitions";

    /// <summary>Where a partition goes after <see cref="MaxDeliveries"/> failed deliveries.</summary>
    public const string PoisonQueueName = QueueName + "-poison";

    /// <summary>Deliveries of a message before it is poison (the Functions host's default <c>maxDequeueCount</c>).</summary>
    public const int MaxDeliveries = 5;

    Task EnqueueAsync(IReadOnlyList<PartitionMessage> partitions, CancellationToken cancellationToken);
}
