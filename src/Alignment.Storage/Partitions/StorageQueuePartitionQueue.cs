using System.Text.Json;
using Alignment.Storage.Json;
using Alignment.Sync.Partitions;
using Azure.Storage.Queues;

namespace Alignment.Storage.Partitions;

/// <summary>
/// <see cref="IPartitionQueue"/> over the Storage Queue <c>alignment-partitions</c>: one JSON message per partition,
/// base64-encoded as the Functions queue trigger expects; the queue is created on first use.
/// </summary>
internal sealed class StorageQueuePartitionQueue(PartitionQueues queues) : IPartitionQueue
{
    public async Task EnqueueAsync(IReadOnlyList<PartitionMessage> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0)
        {
            return;
        }

        var queue = await queues.GetAsync(IPartitionQueue.QueueName, cancellationToken).ConfigureAwait(false);
        foreach (var partition in partitions)
        {
            await queue.SendMessageAsync(PartitionQueues.Serialize(partition), cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Hands out the partition queues (created once per process), and the one wire format of a partition message.</summary>
public sealed class PartitionQueues(QueueServiceClient service)
{
    private readonly Dictionary<string, QueueClient> _ready = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task<QueueClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready.TryGetValue(name, out var queue))
            {
                queue = service.GetQueueClient(name);
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                _ready[name] = queue;
            }

            return queue;
        }
        finally
        {
            _lock.Release();
        }
    }

    public static string Serialize(PartitionMessage partition) => JsonSerializer.Serialize(partition, StateJsonContext.Default.PartitionMessage);

    /// <summary>The partition a message carries; throws <see cref="JsonException"/> naming the problem for anything else.</summary>
    public static PartitionMessage Deserialize(string text) =>
        JsonSerializer.Deserialize(text, StateJsonContext.Default.PartitionMessage)
        ?? throw new JsonException("A partition message must be a JSON object, not null.");
}
