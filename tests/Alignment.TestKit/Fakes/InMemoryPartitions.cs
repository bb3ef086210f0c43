using Alignment.Sync.Partitions;

namespace Alignment.TestKit.Fakes;

/// <summary>An in-memory <see cref="IPartitionQueue"/>: messages in the order enqueued.</summary>
public sealed class InMemoryPartitionQueue : IPartitionQueue
{
    private readonly Queue<PartitionMessage> messages = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return messages.Count;
            }
        }
    }

    public Task EnqueueAsync(IReadOnlyList<PartitionMessage> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        lock (gate)
        {
            foreach (var partition in partitions)
            {
                messages.Enqueue(partition);
            }
        }

        return Task.CompletedTask;
    }

    public bool TryDequeue(out PartitionMessage message)
    {
        lock (gate)
        {
            return messages.TryDequeue(out message!);
        }
    }
}

/// <summary>An in-memory <see cref="IPartitionLedger"/>.</summary>
public sealed class InMemoryPartitionLedger : IPartitionLedger
{
    private readonly Dictionary<string, SortedDictionary<int, PartitionRecord>> runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> open = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Called before a partition is marked done; throw from it to simulate a worker dying after its writes.</summary>
    public Action<PartitionRecord>? BeforeComplete { get; set; }

    public Task StartAsync(IReadOnlyList<PartitionMessage> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (gate)
        {
            foreach (var partition in plan)
            {
                if (!runs.TryGetValue(partition.RunId, out var rows))
                {
                    runs[partition.RunId] = rows = [];
                }

                rows.TryAdd(partition.Index, new PartitionRecord { Partition = partition });
                open[partition.Crm] = partition.RunId;
            }
        }

        return Task.CompletedTask;
    }

    public Task<string?> GetOpenRunAsync(string crm, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(open.GetValueOrDefault(crm));
        }
    }

    public Task<IReadOnlyList<PartitionRecord>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<PartitionRecord>>(runs.TryGetValue(runId, out var rows) ? [.. rows.Values] : []);
        }
    }

    public Task CompleteAsync(PartitionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        BeforeComplete?.Invoke(record);
        lock (gate)
        {
            runs[record.Partition.RunId][record.Partition.Index] = record;
        }

        return Task.CompletedTask;
    }

    public Task RecordFailureAsync(PartitionMessage partition, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (gate)
        {
            var rows = runs[partition.RunId];
            var row = rows[partition.Index];
            rows[partition.Index] = row with { FailedAttempts = row.FailedAttempts + 1, LastError = error };
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryCloseAsync(string crm, string runId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(open.TryGetValue(crm, out var current) && current == runId && open.Remove(crm));
        }
    }
}
