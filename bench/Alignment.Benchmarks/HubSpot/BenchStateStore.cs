using System.Collections.Concurrent;
using System.Globalization;
using Alignment.Sync.State;

namespace Alignment.Benchmarks.HubSpot;

/// <summary>
/// The scoring run's state (checkpoint, tier history, run ledger) in memory, for the economy bench: what is measured is
/// the CRM traffic, so the state stores are kept off the wire.
/// </summary>
internal sealed class BenchStateStore : ICheckpointStore, ITierHistoryStore, IRunLedger
{
    private readonly ConcurrentDictionary<string, Versioned<Checkpoint>> _checkpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TierRecord> _latestTiers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RunRecord> _runs = new();
    private int _etag;

    public Task<Versioned<Checkpoint>?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_checkpoints.GetValueOrDefault(name));

    public Task<Versioned<Checkpoint>> SaveAsync(string name, Checkpoint checkpoint, string? etag, CancellationToken cancellationToken)
    {
        var saved = new Versioned<Checkpoint>(checkpoint, Interlocked.Increment(ref _etag).ToString(CultureInfo.InvariantCulture));
        var stored = etag is null
            ? _checkpoints.TryAdd(name, saved)
            : _checkpoints.TryGetValue(name, out var current) && current.ETag == etag && _checkpoints.TryUpdate(name, saved, current);
        return stored ? Task.FromResult(saved) : throw new ConcurrencyConflictException($"Checkpoint '{name}' changed or exists.");
    }

    public Task<IReadOnlyDictionary<string, TierRecord>> GetLatestAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, TierRecord>(StringComparer.Ordinal);
        foreach (var id in accountIds)
        {
            if (_latestTiers.TryGetValue(id, out var record))
            {
                found[id] = record;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, TierRecord>>(found);
    }

    public Task AppendAsync(IReadOnlyCollection<TierRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            _latestTiers.AddOrUpdate(record.AccountId, record, (_, old) => record.At >= old.At ? record : old);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TierRecord>> GetHistoryAsync(string accountId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TierRecord>>(_latestTiers.TryGetValue(accountId, out var record) && max > 0 ? [record] : []);

    public Task AddAsync(RunRecord record, CancellationToken cancellationToken)
    {
        _runs.Enqueue(record);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunRecord>> ListRecentAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RunRecord>>([.. _runs.OrderByDescending(r => r.StartedAt).Take(max)]);
}
