using System.Runtime.CompilerServices;
using Alignment.Storage.Tables;
using Alignment.Sync.Inbox;
using Alignment.Sync.State;
using Azure;
using Azure.Data.Tables;

namespace Alignment.Storage.Inbox;

/// <summary><see cref="IWebhookInbox"/> over the <c>{prefix}inbox</c> table (layout: <see cref="InboxItemEntity"/>).</summary>
internal sealed class TableWebhookInboxStore(StateTables tables) : IWebhookInbox
{
    /// <summary>Two rows per item; a transaction holds at most 100 actions.</summary>
    private const int ItemsPerTransaction = 50;

    /// <summary>An update is at most three actions (item, old due row, new due row); a transaction holds at most 100.</summary>
    private const int UpdatesPerTransaction = 33;

    /// <summary>Transactions of one <see cref="UpdateManyAsync"/> in flight at once (they touch disjoint rows).</summary>
    private const int ParallelTransactions = 4;

    /// <summary>Marks an ETag handed out by <see cref="ListDueAsync"/>: the due row's, not the item row's.</summary>
    private const string DueETagPrefix = "due|";

    /// <summary>Item rows read at once when listing what is due (only for due rows without a copy of their item).</summary>
    private const int ParallelReads = 16;

    public async Task<int> AddAsync(IReadOnlyCollection<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var chunk in items.DistinctBy(i => i.EventId, StringComparer.Ordinal).Chunk(ItemsPerTransaction))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.SelectMany(AddActions), cancellationToken).ConfigureAwait(false);
                added += chunk.Length;
                continue;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Some of them are stored already: add one by one, skipping those.
            }

            foreach (var item in chunk)
            {
                try
                {
                    await table.SubmitTransactionAsync(AddActions(item), cancellationToken).ConfigureAwait(false);
                    added++;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Already stored: a redelivery.
                }
            }
        }

        return added;
    }

    public async IAsyncEnumerable<Versioned<InboxItem>> ListDueAsync(DateTimeOffset now, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            yield break;
        }

        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var upTo = InboxItemEntity.DueRowKey(now.UtcTicks + 1);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {InboxItemEntity.Partition} and RowKey ge {InboxItemEntity.DuePrefix} and RowKey lt {upTo}");
        var listed = new List<InboxItemEntity>();
        await foreach (var due in table.QueryAsync<InboxItemEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            listed.Add(due);
            if (listed.Count >= max)
            {
                break;
            }
        }

        // A due row carries a copy of its item, so one range read lists everything; its ETag guards the claim. A due
        // row written before it carried the copy (no Source) is read through its item row.
        var entities = new (InboxItemEntity Entity, string ETag)?[listed.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, listed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var due = listed[i];
                if (!string.IsNullOrEmpty(due.Source))
                {
                    entities[i] = (due, DueETagPrefix + due.ETag);
                }
                else if (await ReadAsync(table, due.EventId, token).ConfigureAwait(false) is { } item)
                {
                    entities[i] = (item, item.ETag.ToString());
                }
            }).ConfigureAwait(false);
        foreach (var listedEntity in entities)
        {
            if (listedEntity is not var (entity, etag))
            {
                continue;
            }

            var item = entity.ToItem();
            if (item.State == InboxState.Pending && InboxItemEntity.DueAt(item) <= now)
            {
                yield return new Versioned<InboxItem>(item, etag);
            }
        }
    }

    public async Task<Versioned<InboxItem>> UpdateAsync(InboxItem item, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(table, item.EventId, cancellationToken).ConfigureAwait(false);
        if (current is null || (!etag.StartsWith(DueETagPrefix, StringComparison.Ordinal) && current.ETag != new ETag(etag)))
        {
            throw TableFailures.Conflict("inbox item", item.EventId);
        }

        var actions = UpdateActions(current.ToItem(), item, etag);
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return new Versioned<InboxItem>(item, response.Value[0].Headers.ETag.GetValueOrDefault().ToString());
        }
        catch (RequestFailedException e) when (TableFailures.IsConflict(e))
        {
            throw TableFailures.Conflict("inbox item", item.EventId, e);
        }
    }

    /// <summary>
    /// Entity-group transactions of up to 33 updates (item row replaced, due row moved), a few in flight at once. A
    /// transaction that fails because one of its items changed meanwhile is redone item by item, so the others still go
    /// through.
    /// </summary>
    public async Task<IReadOnlyList<Versioned<InboxItem>?>> UpdateManyAsync(IReadOnlyList<InboxItemUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var results = new Versioned<InboxItem>?[updates.Count];
        var starts = Enumerable.Range(0, (updates.Count + UpdatesPerTransaction - 1) / UpdatesPerTransaction).Select(i => i * UpdatesPerTransaction);
        await Parallel.ForEachAsync(
            starts,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (start, token) => await UpdateChunkAsync(table, updates, start, Math.Min(UpdatesPerTransaction, updates.Count - start), results, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }

    private async Task UpdateChunkAsync(
        TableClient table, IReadOnlyList<InboxItemUpdate> updates, int start, int count, Versioned<InboxItem>?[] results, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(count * 3);
        var itemAction = new int[count];
        for (var i = 0; i < count; i++)
        {
            var update = updates[start + i];
            itemAction[i] = actions.Count;
            actions.AddRange(UpdateActions(update.Current.Value, update.Next, update.Current.ETag));
        }

        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                results[start + i] = new Versioned<InboxItem>(updates[start + i].Next, response.Value[itemAction[i]].Headers.ETag.GetValueOrDefault().ToString());
            }

            return;
        }
        catch (RequestFailedException e) when (TableFailures.IsConflict(e))
        {
            // One of them changed meanwhile (another instance took it): redo these one by one.
        }

        for (var i = 0; i < count; i++)
        {
            var update = updates[start + i];
            try
            {
                results[start + i] = await UpdateAsync(update.Next, update.Current.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                results[start + i] = null;
            }
        }
    }

    public async Task<Versioned<InboxItem>?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await ReadAsync(table, eventId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new Versioned<InboxItem>(entity.ToItem(), entity.ETag.ToString());
    }

    /// <summary>
    /// The item row replaced and the due row moved (or dropped) in one transaction. The guard is the ETag the caller
    /// holds: the item row's (from a read or an earlier update), or the listed due row's (<see cref="DueETagPrefix"/>),
    /// whose conditional delete fails when another instance claimed the item first.
    /// </summary>
    private static List<TableTransactionAction> UpdateActions(InboxItem current, InboxItem next, string etag)
    {
        var oldDue = InboxItemEntity.DueRowKey(current);
        var newDue = InboxItemEntity.DueRowKey(next);
        var byDue = etag.StartsWith(DueETagPrefix, StringComparison.Ordinal);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, InboxItemEntity.Item(next), byDue ? ETag.All : new ETag(etag)),
        };
        var dueETag = byDue ? new ETag(etag[DueETagPrefix.Length..]) : ETag.All;
        if (byDue && oldDue is null)
        {
            // The listed item is no longer pending: someone else finished it.
            throw TableFailures.Conflict("inbox item", next.EventId);
        }

        if (newDue is not null && string.Equals(oldDue, newDue, StringComparison.Ordinal))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, InboxItemEntity.Due(next, newDue), dueETag));
            return actions;
        }

        if (oldDue is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(InboxItemEntity.Partition, oldDue), dueETag));
        }

        if (newDue is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, InboxItemEntity.Due(next, newDue)));
        }

        return actions;
    }

    private static List<TableTransactionAction> AddActions(InboxItem item)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, InboxItemEntity.Item(item)) };
        if (InboxItemEntity.DueRowKey(item) is { } due)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, InboxItemEntity.Due(item, due)));
        }

        return actions;
    }

    private ValueTask<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(TableNames.Inbox, cancellationToken);

    private static async Task<InboxItemEntity?> ReadAsync(TableClient table, string eventId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<InboxItemEntity>(
            InboxItemEntity.Partition, InboxItemEntity.ItemRowKey(eventId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }
}
