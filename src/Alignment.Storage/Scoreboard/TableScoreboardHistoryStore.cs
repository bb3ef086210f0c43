using System.Text.Json;
using Alignment.Storage.Json;
using Alignment.Storage.Tables;
using Alignment.Sync.Scoreboard;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.Scoreboard;

/// <summary>
/// <see cref="IScoreboardHistory"/> over the <c>{prefix}scoreboard</c> table: PartitionKey the CRM name, RowKey the team
/// week (<c>2026-W48</c>, so rows sort by week), the row as JSON. A year is 52 rows a CRM: listing reads the partition.
/// </summary>
internal sealed class TableScoreboardHistoryStore(StateTables tables) : IScoreboardHistory
{
    public async Task SaveAsync(StoredScoreboardWeek row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await tables.GetAsync(TableNames.Scoreboard, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(TableKey.Escape(row.Crm), row.Scoreboard.Week)
        {
            ["Json"] = JsonSerializer.Serialize(row, StateJsonContext.Default.StoredScoreboardWeek),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredScoreboardWeek>> ListAsync(string crm, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(crm);
        if (max <= 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableNames.Scoreboard, cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredScoreboardWeek>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(crm)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString("Json") is { } json && JsonSerializer.Deserialize(json, StateJsonContext.Default.StoredScoreboardWeek) is { } row)
            {
                rows.Add(row);
            }
        }

        return [.. rows.OrderByDescending(r => r.Scoreboard.Week, StringComparer.Ordinal).Take(max)];
    }
}
