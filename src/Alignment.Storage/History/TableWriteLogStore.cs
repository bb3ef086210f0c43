using System.Runtime.CompilerServices;
using Alignment.Storage.Tables;
using Alignment.Sync.History;
using Azure.Data.Tables;

namespace Alignment.Storage.History;

/// <summary>
/// <see cref="IWriteLog"/> over the <c>{prefix}writelog</c> table (layout: <see cref="AccountChangeEntity"/>); appends are
/// upserts, the week rows of movements in transactions of 100 (one partition per week).
/// </summary>
internal sealed class TableWriteLogStore(StateTables tables) : IWriteLog
{
    private const int Parallelism = 8;
    private const int MaxTransactionActions = 100;

    public async Task AppendAsync(IReadOnlyCollection<AccountChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.WriteLog, cancellationToken).ConfigureAwait(false);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(changes.Select(AccountChangeEntity.From), options, async (row, ct) =>
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var weekBatches = changes
            .Select(TierMovement.Of)
            .OfType<AccountChange>()
            .Select(AccountChangeEntity.WeekRow)
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(week => week.GroupBy(e => e.RowKey, StringComparer.Ordinal).Select(same => same.Last()).Chunk(MaxTransactionActions));
        await Parallel.ForEachAsync(weekBatches, options, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct)
                .ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<AccountChange> ListMovementsForWeekAsync(IsoWeek week, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.WriteLog, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AccountChangeEntity.WeekPartition(week)}");
        await foreach (var entity in table.QueryAsync<AccountChangeEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return entity.ToChange();
        }
    }

    public async Task<IReadOnlyList<AccountChange>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        if (max <= 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableNames.WriteLog, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(accountId)}");
        var changes = new List<AccountChange>();
        await foreach (var entity in table.QueryAsync<AccountChangeEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            changes.Add(entity.ToChange());
            if (changes.Count >= max)
            {
                break;
            }
        }

        return changes;
    }
}
