using System.Runtime.CompilerServices;
using Alignment.Storage.Tables;
using Alignment.Sync.History;
using Azure.Data.Tables;

namespace Alignment.Storage.History;

/// <summary>
/// <see cref="IHandoffHistory"/> over the <c>{prefix}handoffs</c> table (layout: <see cref="HandoffRecordEntity"/>).
/// Each handoff's two rows are upserted independently (they live in different partitions); both writes are idempotent,
/// so a retried run repairs a half-written pair.
/// </summary>
internal sealed class TableHandoffHistoryStore(StateTables tables) : IHandoffHistory
{
    private const int Parallelism = 8;

    public async Task AddAsync(IReadOnlyCollection<HandoffRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.Handoffs, cancellationToken).ConfigureAwait(false);
        var rows = records.SelectMany(HandoffRecordEntity.From).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(rows, options, async (row, ct) =>
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async Task UpdateAsync(IReadOnlyCollection<HandoffFeedback> feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (feedback.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.Handoffs, cancellationToken).ConfigureAwait(false);
        var rows = feedback.SelectMany(HandoffRecordEntity.Merge).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(rows, options, async (row, ct) =>
            await table.UpsertEntityAsync(row, TableUpdateMode.Merge, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HandoffRecord>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        if (max <= 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableNames.Handoffs, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {HandoffRecordEntity.AccountPartition(accountId)}");
        var records = new List<HandoffRecord>();
        await foreach (var entity in table.QueryAsync<HandoffRecordEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(entity.ToRecord());
            if (records.Count >= max)
            {
                break;
            }
        }

        return records;
    }

    public async IAsyncEnumerable<HandoffRecord> ListForWeekAsync(IsoWeek week, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Handoffs, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {HandoffRecordEntity.WeekPartition(week)}");
        await foreach (var entity in table.QueryAsync<HandoffRecordEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.ToRecord();
        }
    }
}
