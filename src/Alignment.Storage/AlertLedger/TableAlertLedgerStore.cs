using System.Runtime.CompilerServices;
using Alignment.Storage.Tables;
using Alignment.Sync.State;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.AlertLedger;

/// <summary><see cref="IAlertLedger"/> over the <c>{prefix}alertledger</c> table (layout: <see cref="AlertLedgerEntity"/>).</summary>
internal sealed class TableAlertLedgerStore(StateTables tables) : IAlertLedger
{
    public async Task<Versioned<AlertLedgerEntry>?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await ReadAsync(table, key, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new Versioned<AlertLedgerEntry>(entity.ToEntry(), entity.ETag.ToString());
    }

    public async Task<Versioned<AlertLedgerEntry>?> TryCreateAsync(AlertLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, AlertLedgerEntity.Entry(entry)) };
        if (AlertLedgerEntity.IsOpen(entry.State))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, AlertLedgerEntity.OpenIndex(entry)));
        }

        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return new Versioned<AlertLedgerEntry>(entry, response.Value[0].Headers.ETag.GetValueOrDefault().ToString());
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<Versioned<AlertLedgerEntry>> UpdateAsync(AlertLedgerEntry entry, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var key = entry.Alert.Key;
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(table, key, cancellationToken).ConfigureAwait(false);
        if (current is null || current.ETag != new ETag(etag))
        {
            throw TableFailures.Conflict("alert ledger entry", key);
        }

        var wasOpen = AlertLedgerEntity.IsOpen(Enum.Parse<AlertLedgerState>(current.State));
        var isOpen = AlertLedgerEntity.IsOpen(entry.State);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, AlertLedgerEntity.Entry(entry), new ETag(etag)),
        };
        if (isOpen && !wasOpen)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, AlertLedgerEntity.OpenIndex(entry)));
        }
        else if (wasOpen && !isOpen)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, AlertLedgerEntity.OpenIndex(entry), ETag.All));
        }

        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return new Versioned<AlertLedgerEntry>(entry, response.Value[0].Headers.ETag.GetValueOrDefault().ToString());
        }
        catch (RequestFailedException e) when (TableFailures.IsConflict(e))
        {
            throw TableFailures.Conflict("alert ledger entry", key, e);
        }
    }

    public async IAsyncEnumerable<Versioned<AlertLedgerEntry>> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {AlertLedgerEntity.Partition} and RowKey ge {AlertLedgerEntity.OpenPrefix} and RowKey lt {AlertLedgerEntity.OpenRangeEnd}");
        var keys = new List<string>();
        await foreach (var index in table.QueryAsync<TableEntity>(filter, select: [nameof(AlertLedgerEntity.Key)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(index.GetString(nameof(AlertLedgerEntity.Key)));
        }

        foreach (var key in keys)
        {
            var entity = await ReadAsync(table, key, cancellationToken).ConfigureAwait(false);
            if (entity is not null && AlertLedgerEntity.IsOpen(Enum.Parse<AlertLedgerState>(entity.State)))
            {
                yield return new Versioned<AlertLedgerEntry>(entity.ToEntry(), entity.ETag.ToString());
            }
        }
    }

    private ValueTask<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(TableNames.AlertLedger, cancellationToken);

    private static async Task<AlertLedgerEntity?> ReadAsync(TableClient table, string key, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<AlertLedgerEntity>(
            AlertLedgerEntity.Partition, AlertLedgerEntity.EntryRowKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }
}
