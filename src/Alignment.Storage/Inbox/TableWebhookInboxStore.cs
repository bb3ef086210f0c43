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

        foreach (var eventId in eventIds)
        {
            var entity = await ReadAsync(table, eventId, cancellationToken).ConfigureAwait(false);
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

        var oldDue = InboxItemEntity.DueRowKey(current.ToItem());
        var newDue = InboxItemEntity.DueRowKey(item);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, InboxItemEntity.Item(item), new ETag(etag)),
        };
        if (!string.Equals(oldDue, newDue, StringComparison.Ordinal))
        {
            if (oldDue is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(InboxItemEntity.Partition, oldDue), ETag.All));
            }

            if (newDue is not null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, InboxItemEntity.Due(item, newDue)));
            }
        }

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

    public async Task<Versioned<InboxItem>?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await ReadAsync(table, eventId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new Versioned<InboxItem>(entity.ToItem(), entity.ETag.ToString());
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
