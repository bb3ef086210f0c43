using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Alignment.Storage.Tables;

/// <summary>
/// Moves the rows of a per-account history table from the old layout (PartitionKey = the escaped account id) to the
/// bucketed one (<see cref="AccountBucket"/>), once per table, before a process first uses it (docs/storage-and-slack.md
/// "Layout versions"). A row <c>(id, key)</c> becomes <c>(bucket of id, "{id}|{key}")</c> with the same properties.
/// </summary>
/// <remarks>
/// Safe to run from several instances at once and to interrupt: every row is upserted under its new keys before its old
/// row is deleted, so it is always in one layout or both (the same values), and a rerun moves what is left. A marker row
/// (<see cref="MarkerPartition"/>, RowKey the layout version) records that the table is done; a process that finds it
/// reads nothing else.
/// </remarks>
internal static partial class BucketedLayout
{
    public const string MarkerPartition = "layout|";
    public const string Version = "2";

    private const int Parallelism = 8;

    public static async Task EnsureAsync(TableClient table, ILogger logger, CancellationToken cancellationToken)
    {
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, Version, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue)
        {
            return;
        }

        var moved = 0L;
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            var old = page.Values.Where(e => AccountBucket.IsLegacyPartition(e.PartitionKey)).ToList();
            if (old.Count == 0)
            {
                continue;
            }

            if (moved == 0)
            {
                LogMigrating(logger, table.Name);
            }

            await TableBatches.UpsertAsync(table, old.Select(Moved), cancellationToken).ConfigureAwait(false);
            var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(old, options, async (row, ct) =>
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct).ConfigureAwait(false)).ConfigureAwait(false);
            moved += old.Count;
        }

        await table.UpsertEntityAsync(
            new TableEntity(MarkerPartition, Version) { ["Layout"] = "bucketed", ["MovedRows"] = moved },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
        if (moved > 0)
        {
            LogMigrated(logger, table.Name, moved);
        }
    }

    private static TableEntity Moved(TableEntity old)
    {
        var moved = new TableEntity(AccountBucket.PartitionKey(TableKey.Unescape(old.PartitionKey)), old.PartitionKey + "|" + old.RowKey);
        foreach (var (name, value) in old)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp") && !name.StartsWith("odata.", StringComparison.Ordinal))
            {
                moved[name] = value;
            }
        }

        return moved;
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Moving the rows of state table {Table} to the bucketed layout (once; docs/storage-and-slack.md \"Layout versions\")")]
    private static partial void LogMigrating(ILogger logger, string table);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Moved {Rows} rows of state table {Table} to the bucketed layout")]
    private static partial void LogMigrated(ILogger logger, string table, long rows);
}
