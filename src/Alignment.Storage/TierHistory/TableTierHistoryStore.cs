using System.Collections.Concurrent;
using Alignment.Storage.Tables;
using Alignment.Sync.State;
using Azure.Data.Tables;

namespace Alignment.Storage.TierHistory;

/// <summary>
/// <see cref="ITierHistoryStore"/> over the <c>{prefix}tierhistory</c> table: one partition per account, newest first.
/// Appends are upserts (same account and instant = same row), batched per account in entity-group transactions when
/// an account has more than one.
/// </summary>
internal sealed class TableTierHistoryStore(StateTables tables) : ITierHistoryStore
{
    private const int Parallelism = 8;
    private const int MaxTransactionActions = 100;

    /// <summary>From this many ids on, the latest rows are read with one range scan over the ids' span instead of one query each.</summary>
    internal const int RangeScanThreshold = 500;

    /// <summary>A scan goes on while it has read at most this many rows per id asked for (a partition's ids are contiguous).</summary>
    private const int MaxRowsPerId = 8;

    public async Task<IReadOnlyDictionary<string, TierRecord>> GetLatestAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var table = await tables.GetAsync(TableNames.TierHistory, cancellationToken).ConfigureAwait(false);
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
    /// Many ids (a partition of a full rescore, docs/partitions.md): one scan of the partition keys between the
    /// smallest and largest id, a page of up to 1,000 rows a request, keeping each wanted account's first (newest) row,
    /// instead of one query per account. Falls back to the per-account queries when the span turns out to hold far
    /// more rows than the ids asked for.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, TierRecord>> ScanLatestAsync(TableClient table, IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        var wanted = accountIds.Select(TableKey.Escape).ToHashSet(StringComparer.Ordinal);
        var ordered = wanted.Order(StringComparer.Ordinal).ToList();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {ordered[0]} and PartitionKey le {ordered[^1]}");
        var latest = new Dictionary<string, TierRecord>(StringComparer.Ordinal);
        var scanned = 0L;
        await foreach (var entity in table.QueryAsync<TierRecordEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (++scanned > (long)wanted.Count * MaxRowsPerId)
            {
                break; // a sparse span (ids far apart with much history between them): not worth scanning further
            }

            if (wanted.Contains(entity.PartitionKey))
            {
                var record = entity.ToRecord();
                latest.TryAdd(record.AccountId, record); // rows of one account come newest first
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

        var table = await tables.GetAsync(TableNames.TierHistory, cancellationToken).ConfigureAwait(false);
        var batches = records
            .Select(TierRecordEntity.From)
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition
                .GroupBy(e => e.RowKey, StringComparer.Ordinal)
                .Select(sameRow => sameRow.Last())
                .Chunk(MaxTransactionActions));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, options, async (batch, ct) =>
        {
            if (batch.Length == 1)
            {
                // The usual case (one record an account): a plain upsert, without a transaction's multipart envelope.
                await table.UpsertEntityAsync(batch[0], TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return;
            }

            var actions = batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
            await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TierRecord>> GetHistoryAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        if (max <= 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableNames.TierHistory, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(table, accountId, max, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<TierRecord>> ReadAsync(TableClient table, string accountId, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(accountId)}");
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
