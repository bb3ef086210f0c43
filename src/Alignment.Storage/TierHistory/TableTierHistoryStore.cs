using System.Collections.Concurrent;
using Alignment.Storage.Tables;
using Alignment.Sync.State;
using Azure.Data.Tables;

namespace Alignment.Storage.TierHistory;

/// <summary>
/// <see cref="ITierHistoryStore"/> over the <c>{prefix}tierhistory</c> table: rows in partitions of neighbouring accounts
/// (<see cref="AccountBucket"/>), each account's rows together and newest first. Appends are upserts (same account and
/// instant = same row), a bucket's rows in entity-group transactions of up to 100.
/// </summary>
internal sealed class TableTierHistoryStore(StateTables tables) : ITierHistoryStore
{
    private const int Parallelism = 8;

    /// <summary>From this many ids on, the latest rows are read with one range scan over the ids' span instead of one query each.</summary>
    internal const int RangeScanThreshold = 500;

    /// <summary>A scan goes on while it has read at most this many rows per id asked for (a partition's ids are contiguous).</summary>
    private const int MaxRowsPerId = 8;

    public async Task<IReadOnlyDictionary<string, TierRecord>> GetLatestAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var table = await tables.GetBucketedAsync(TableNames.TierHistory, cancellationToken).ConfigureAwait(false);
        if (accountIds.Count >= RangeScanThreshold)
        {
            return await ScanLatestAsync(table, accountIds, cancellationToken).ConfigureAwait(false);
        }

        var latest = new ConcurrentDictionary<string, TierRecord>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(accountIds.Distinct(StringComparer.Ordinal), options, async (accountId, ct) =>
        {
            var first = await ReadAsync(table, accountId, 1, ct).ConfigureAwait(false);
            if (first.Count > 0)
            {
                latest[accountId] = first[0];
            }
        }).ConfigureAwait(false);
        return new Dictionary<string, TierRecord>(latest, StringComparer.Ordinal);
    }

    /// <summary>
    /// Many ids (a partition of a full rescore, docs/partitions.md): one scan of the buckets between the smallest and
    /// largest of theirs, a page of up to 1,000 rows a request, keeping each wanted account's first (newest) row,
    /// instead of one query per account. Falls back to the per-account queries when the span turns out to hold far
    /// more rows than the ids asked for.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, TierRecord>> ScanLatestAsync(TableClient table, IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        var wanted = accountIds.ToHashSet(StringComparer.Ordinal);
        var buckets = wanted.Select(AccountBucket.PartitionKey).Order(StringComparer.Ordinal).ToList();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {buckets[0]} and PartitionKey le {buckets[^1]}");
        var latest = new Dictionary<string, TierRecord>(StringComparer.Ordinal);
        var scanned = 0L;
        await foreach (var entity in table.QueryAsync<TierRecordEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (++scanned > (long)wanted.Count * MaxRowsPerId)
            {
                break; // a sparse span (ids far apart with much history between them): not worth scanning further
            }

            if (wanted.Contains(entity.AccountId))
            {
                latest.TryAdd(entity.AccountId, entity.ToRecord()); // rows of one account come together, newest first
            }
        }

        if (scanned <= (long)wanted.Count * MaxRowsPerId)
        {
            return latest;
        }

        var rest = new ConcurrentDictionary<string, TierRecord>(latest, StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(accountIds.Where(id => !latest.ContainsKey(id)).Distinct(StringComparer.Ordinal), options, async (accountId, ct) =>
        {
            var first = await ReadAsync(table, accountId, 1, ct).ConfigureAwait(false);
            if (first.Count > 0)
            {
                rest[accountId] = first[0];
            }
        }).ConfigureAwait(false);
        return new Dictionary<string, TierRecord>(rest, StringComparer.Ordinal);
    }

    public async Task AppendAsync(IReadOnlyCollection<TierRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var table = await tables.GetBucketedAsync(TableNames.TierHistory, cancellationToken).ConfigureAwait(false);
        await TableBatches.UpsertAsync(table, records.Select(TierRecordEntity.From), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TierRecord>> GetHistoryAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        if (max <= 0)
        {
            return [];
        }

        var table = await tables.GetBucketedAsync(TableNames.TierHistory, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(table, accountId, max, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<TierRecord>> ReadAsync(TableClient table, string accountId, int max, CancellationToken cancellationToken)
    {
        var filter = AccountBucket.RowFilter(accountId);
        var records = new List<TierRecord>(Math.Min(max, 100));
        await foreach (var entity in table.QueryAsync<TierRecordEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(entity.ToRecord());
            if (records.Count >= max)
            {
                break;
            }
        }

        return records;
    }
}
