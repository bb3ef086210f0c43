using Alignment.Sync.State;

namespace Alignment.TestKit.Fakes;

/// <summary>An in-memory <see cref="ITierHistoryStore"/>; appending the same account and instant twice keeps one record.</summary>
public sealed class InMemoryTierHistoryStore : ITierHistoryStore
{
    private readonly Dictionary<string, SortedDictionary<DateTimeOffset, TierRecord>> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<TierRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values.SelectMany(h => h.Values)];
            }
        }
    }

    public Task<IReadOnlyDictionary<string, TierRecord>> GetLatestAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        lock (_gate)
        {
            var result = new Dictionary<string, TierRecord>(StringComparer.Ordinal);
            foreach (var id in accountIds)
            {
                if (_items.TryGetValue(id, out var history) && history.Count > 0)
                {
                    result[id] = history.Values.Last();
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, TierRecord>>(result);
        }
    }

    public Task AppendAsync(IReadOnlyCollection<TierRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            foreach (var record in records)
            {
                if (!_items.TryGetValue(record.AccountId, out var history))
                {
                    history = [];
                    _items[record.AccountId] = history;
                }

                history[record.At] = record;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TierRecord>> GetHistoryAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<TierRecord> result = _items.TryGetValue(accountId, out var history)
                ? [.. history.Values.Reverse().Take(max)]
                : [];
            return Task.FromResult(result);
        }
    }
}
