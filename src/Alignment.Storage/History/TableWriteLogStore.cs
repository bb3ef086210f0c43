using Alignment.Storage.Tables;
using Alignment.Sync.History;
using Azure.Data.Tables;

namespace Alignment.Storage.History;

/// <summary><see cref="IWriteLog"/> over the <c>{prefix}writelog</c> table (layout: <see cref="AccountChangeEntity"/>); appends are upserts.</summary>
internal sealed class TableWriteLogStore(StateTables tables) : IWriteLog
{
    private const int Parallelism = 8;

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
