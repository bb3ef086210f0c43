using Alignment.Storage.Tables;
using Alignment.Sync.Partitions;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.Partitions;

/// <summary>
/// <see cref="IPartitionLedger"/> over the <c>{prefix}partitions</c> table (docs/partitions.md): one row per partition
/// of a run, and per CRM one <c>open</c> row naming its open run, deleted with its ETag by the one worker that closes it.
/// </summary>
internal sealed class TablePartitionLedgerStore(StateTables tables) : IPartitionLedger
{
    public async Task StartAsync(IReadOnlyList<PartitionMessage> plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(TableNames.Partitions, cancellationToken).ConfigureAwait(false);
        await TableBatches.UpsertAsync(table, plan.Select(p => PartitionEntity.Of(new PartitionRecord { Partition = p })), cancellationToken).ConfigureAwait(false);

        await table.UpsertEntityAsync(new OpenRunEntity { RowKey = TableKey.Escape(plan[0].Crm), RunId = plan[0].RunId }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetOpenRunAsync(string crm, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Partitions, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<OpenRunEntity>(OpenRunEntity.Partition, TableKey.Escape(crm), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.RunId : null;
    }

    public async Task<IReadOnlyList<PartitionRecord>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Partitions, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(runId)}");
        var records = new List<PartitionRecord>();
        await foreach (var entity in table.QueryAsync<PartitionEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(entity.ToRecord());
        }

        return records;
    }

    public async Task CompleteAsync(PartitionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableNames.Partitions, cancellationToken).ConfigureAwait(false);
        var current = await table.GetEntityIfExistsAsync<PartitionEntity>(TableKey.Escape(record.Partition.RunId), PartitionEntity.RowKeyOf(record.Partition.Index), cancellationToken: cancellationToken).ConfigureAwait(false);
        var failures = current.HasValue ? current.Value!.FailedAttempts : 0;
        await table.UpsertEntityAsync(PartitionEntity.Of(record with { FailedAttempts = failures }), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordFailureAsync(PartitionMessage partition, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var table = await tables.GetAsync(TableNames.Partitions, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<PartitionEntity>(TableKey.Escape(partition.RunId), PartitionEntity.RowKeyOf(partition.Index), cancellationToken: cancellationToken).ConfigureAwait(false);
            var entity = current.HasValue ? current.Value! : PartitionEntity.Of(new PartitionRecord { Partition = partition });
            if (entity.CompletedAt is not null)
            {
                return; // another delivery finished it meanwhile
            }

            entity.FailedAttempts++;
            entity.LastError = error.Length > 1_000 ? error[..1_000] : error;
            try
            {
                if (current.HasValue)
                {
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
            }
        }
    }

    public async Task<bool> TryCloseAsync(string crm, string runId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Partitions, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<OpenRunEntity>(OpenRunEntity.Partition, TableKey.Escape(crm), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value!.RunId != runId)
        {
            return false;
        }

        // Claim with the ETag (a delete would not tell: the SDK treats a missing entity as deleted), then remove the row.
        var claimed = row.Value;
        claimed.RunId = runId + "|closing";
        try
        {
            var response = await table.UpdateEntityAsync(claimed, claimed.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            await table.DeleteEntityAsync(OpenRunEntity.Partition, TableKey.Escape(crm), response.Headers.ETag ?? ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false; // another worker closed it first
        }
    }
}
