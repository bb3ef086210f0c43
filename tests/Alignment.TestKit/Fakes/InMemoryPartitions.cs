using Alignment.Sync.Partitions;

namespace Alignment.TestKit.Fakes;

/// <summary>An in-memory <see cref="IPartitionQueue"/>: messages in the order enqueued.</summary>
public sealed class InMemoryPartitionQueue : IPartitionQueue
{
    private readonly Queue<PartitionMessage> _messages = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    public Task EnqueueAsync(IReadOnlyList<PartitionMessage> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        lock (_gate)
        {
            foreach (var partition in partitions)
            {
                _messages.Enqueue(partition);
            }
        }

        return Task.CompletedTask;
    }

    public bool TryDequeue(out PartitionMessage message)
    {
        lock (_gate)
        {
            return _messages.TryDequeue(out message!);
        }
    }
}

/// <summary>An in-memory <see cref="IPartitionLedger"/>.</summary>
public sealed class InMemoryPartitionLedger : IPartitionLedger
{
    private readonly Dictionary<string, SortedDictionary<int, PartitionRecord>> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Called before a partition is marked done; throw from it to simulate a worker dying after its writes.</summary>
    public Action<PartitionRecord>? BeforeComplete { get; set; }

    public Task StartAsync(IReadOnlyList<PartitionMessage> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            foreach (var partition in plan)
            {
                if (!_runs.TryGetValue(partition.RunId, out var rows))
                {
                    _runs[partition.RunId] = rows = [];
                }

                rows.TryAdd(partition.Index, new PartitionRecord { Partition = partition });
                _open[partition.Crm] = partition.RunId;
            }
        }

        return Task.CompletedTask;
    }

    public Task<string?> GetOpenRunAsync(string crm, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_open.GetValueOrDefault(crm));
        }
    }

    public Task<IReadOnlyList<PartitionRecord>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PartitionRecord>>(_runs.TryGetValue(runId, out var rows) ? [.. rows.Values] : []);
        }
    }

    public Task CompleteAsync(PartitionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        BeforeComplete?.Invoke(record);
        lock (_gate)
        {
            _runs[record.Partition.RunId][record.Partition.Index] = record;
        }

        return Task.CompletedTask;
    }

    public Task RecordFailureAsync(PartitionMessage partition, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        lock (_gate)
        {
            var rows = _runs[partition.RunId];
            var row = rows[partition.Index];
            rows[partition.Index] = row with { FailedAttempts = row.FailedAttempts + 1, LastError = error };
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryCloseAsync(string crm, string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_open.TryGetValue(crm, out var current) && current == runId && _open.Remove(crm));
        }
    }
}
