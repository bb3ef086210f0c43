using System.Collections.Concurrent;
using Alignment.Storage.Tables;
using Alignment.Sync.State;
using Azure.Data.Tables;

namespace Alignment.Storage.TierHistory;

/// <summary>
/// <see cref="ITierHistoryStore"/> over the <c>{prefix}tierhistory</c> table: one partition per account, newest first.
/// Appends are upserts (same account and instant = same row), batched per account in entity-group transactions.
/// </summary>
internal sealed class TableTierHistoryStore(StateTables tables) : ITierHistoryStore
{
    private const int Parallelism = 8;
    private const int MaxTransactionActions = 100;

    public async Task<IReadOnlyDictionary<string, TierRecord>> GetLatestAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var table = await tables.GetAsync(TableNames.TierHistory, cancellationToken).ConfigureAwait(false);
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
