using Azure.Data.Tables;

namespace Alignment.Storage.Tables;

/// <summary>Writes many rows in as few requests as the table allows: an entity-group transaction holds up to 100 rows of one partition.</summary>
internal static class TableBatches
{
    private const int MaxTransactionActions = 100;
    private const int Parallelism = 8;

    /// <summary>Upserts rows, those of one partition in entity-group transactions of up to 100 (a lone row as a plain upsert).</summary>
    public static async Task UpsertAsync(TableClient table, IEnumerable<ITableEntity> rows, CancellationToken cancellationToken)
    {
        var batches = rows
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
                await table.UpsertEntityAsync(batch[0], TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return;
            }

            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
