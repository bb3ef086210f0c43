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

    /// <summary>Item rows read at once when listing what is due.</summary>
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
        var eventIds = new List<string>();
        await foreach (var due in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: [nameof(InboxItemEntity.EventId)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            eventIds.Add(due.GetString(nameof(InboxItemEntity.EventId)));
            if (eventIds.Count >= max)
            {
                break;
            }
        }

        // Point reads of the item rows, a few at once (a range query cannot select them by due time); order kept.
        var entities = new InboxItemEntity?[eventIds.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, eventIds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) => entities[i] = await ReadAsync(table, eventIds[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var entity in entities)
        {
            if (entity is null)
            {
                continue;
            }

            var item = entity.ToItem();
            if (item.State == InboxState.Pending && InboxItemEntity.DueAt(item) <= now)
            {
                yield return new Versioned<InboxItem>(item, entity.ETag.ToString());
            }
        }
    }

    public async Task<Versioned<InboxItem>> UpdateAsync(InboxItem item, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var current = await ReadAsync(table, item.EventId, cancellationToken).ConfigureAwait(false);
        if (current is null || current.ETag != new ETag(etag))
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
    /// Entity-group transactions of up to 33 updates (item row replaced on its ETag, due row moved). A transaction that
    /// fails because one of its items changed meanwhile is redone item by item, so the others still go through.
    /// </summary>
    public async Task<IReadOnlyList<Versioned<InboxItem>?>> UpdateManyAsync(IReadOnlyList<InboxItemUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var results = new Versioned<InboxItem>?[updates.Count];
        for (var start = 0; start < updates.Count; start += UpdatesPerTransaction)
        {
            var count = Math.Min(UpdatesPerTransaction, updates.Count - start);
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

                continue;
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

        return results;
    }

    public async Task<Versioned<InboxItem>?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await ReadAsync(table, eventId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new Versioned<InboxItem>(entity.ToItem(), entity.ETag.ToString());
    }

    /// <summary>The item row replaced on its ETag; the due row moved when the due instant or state changed.</summary>
    private static List<TableTransactionAction> UpdateActions(InboxItem current, InboxItem next, string etag)
    {
        var oldDue = InboxItemEntity.DueRowKey(current);
        var newDue = InboxItemEntity.DueRowKey(next);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, InboxItemEntity.Item(next), new ETag(etag)),
        };
        if (!string.Equals(oldDue, newDue, StringComparison.Ordinal))
        {
            if (oldDue is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(InboxItemEntity.Partition, oldDue), ETag.All));
            }

            if (newDue is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, InboxItemEntity.Due(next, newDue)));
            }
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
