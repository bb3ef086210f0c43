using Alignment.Storage.Tables;
using Alignment.Sync.State;
using Azure.Data.Tables;

namespace Alignment.Storage.Runs;

/// <summary>
/// <see cref="IRunLedger"/> over the <c>{prefix}runs</c> table. Adding the same run (id and start) again replaces it,
/// so a run can be recorded when it starts and again when it finishes.
/// </summary>
internal sealed class TableRunLedgerStore(StateTables tables) : IRunLedger
{
    public async Task AddAsync(RunRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableNames.Runs, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(RunRecordEntity.From(record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RunRecord>> ListRecentAsync(int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableNames.Runs, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RunRecordEntity.Partition}");
        var records = new List<RunRecord>(Math.Min(max, 100));
        await foreach (var entity in table.QueryAsync<RunRecordEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.ToRecord() is { } record)
            {
                records.Add(record);
            }
            if (records.Count >= max)
            {
                break;
            }
        }

        return records;
    }
}
