using System.Runtime.CompilerServices;
using Alignment.Storage.Tables;
using Alignment.Sync.History;
using Azure.Data.Tables;

namespace Alignment.Storage.History;

/// <summary>
/// <see cref="IWriteLog"/> over the <c>{prefix}writelog</c> table (layout: <see cref="AccountChangeEntity"/>); appends are
/// upserts in entity-group transactions of up to 100: the account rows of a bucket of neighbouring accounts, the week
/// rows of movements of a week.
/// </summary>
internal sealed class TableWriteLogStore(StateTables tables) : IWriteLog
{
    public async Task AppendAsync(IReadOnlyCollection<AccountChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var table = await tables.GetBucketedAsync(TableNames.WriteLog, cancellationToken).ConfigureAwait(false);
        var weekRows = changes.Select(TierMovement.Of).OfType<AccountChange>().Select(AccountChangeEntity.WeekRow);
        await TableBatches.UpsertAsync(table, changes.Select(AccountChangeEntity.From).Concat(weekRows), cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<AccountChange> ListMovementsForWeekAsync(IsoWeek week, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetBucketedAsync(TableNames.WriteLog, cancellationToken).ConfigureAwait(false);
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

        var table = await tables.GetBucketedAsync(TableNames.WriteLog, cancellationToken).ConfigureAwait(false);
        var filter = AccountBucket.RowFilter(accountId);
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
