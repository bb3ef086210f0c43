using Alignment.Storage.Tables;
using Alignment.Sync.State;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.Checkpoints;

/// <summary><see cref="ICheckpointStore"/> over the <c>{prefix}checkpoints</c> table; one row per checkpoint name.</summary>
internal sealed class TableCheckpointStore(StateTables tables) : ICheckpointStore
{
    public async Task<Versioned<Checkpoint>?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var table = await tables.GetAsync(TableNames.Checkpoints, cancellationToken).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<CheckpointEntity>(
            CheckpointEntity.Partition, TableKey.Escape(name), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToVersioned(response.Value!) : null;
    }

    public async Task<Versioned<Checkpoint>> SaveAsync(string name, Checkpoint checkpoint, string? etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var table = await tables.GetAsync(TableNames.Checkpoints, cancellationToken).ConfigureAwait(false);
        var entity = new CheckpointEntity
        {
            RowKey = TableKey.Escape(name),
            Name = name,
            ModifiedSince = checkpoint.ModifiedSince,
            LastFullRunAt = checkpoint.LastFullRunAt,
        };
        try
        {
            var response = etag is null
                ? await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
                : await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new Versioned<Checkpoint>(checkpoint, response.Headers.ETag.GetValueOrDefault().ToString());
        }
        catch (RequestFailedException e) when (TableFailures.IsConflict(e))
        {
            throw TableFailures.Conflict("checkpoint", name, e);
        }
    }

    private static Versioned<Checkpoint> ToVersioned(CheckpointEntity entity) =>
        new(new Checkpoint(entity.ModifiedSince, entity.LastFullRunAt), entity.ETag.ToString());
}
