using Alignment.Sync.State;

namespace Alignment.Sync.Inbox;

/// <summary>The durable webhook inbox.</summary>
public interface IWebhookInbox
{
    /// <summary>Stores the items; an item whose event id is already stored is skipped. Returns how many were new.</summary>
    Task<int> AddAsync(IReadOnlyCollection<InboxItem> items, CancellationToken cancellationToken);

    /// <summary>Pending items whose back-off has passed at <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    IAsyncEnumerable<Versioned<InboxItem>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Replaces the item if it still carries <paramref name="etag"/>; else <see cref="ConcurrencyConflictException"/>.</summary>
    Task<Versioned<InboxItem>> UpdateAsync(InboxItem item, string etag, CancellationToken cancellationToken);

    Task<Versioned<InboxItem>?> GetAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies many conditional updates, each on its own terms: the result has one entry per update, in order, the
    /// stored item or null when that item no longer carried its ETag (another instance changed it). Stores batch them
    /// (the table store: one entity-group transaction per 33 items); this default applies them one by one.
    /// </summary>
    async Task<IReadOnlyList<Versioned<InboxItem>?>> UpdateManyAsync(IReadOnlyList<InboxItemUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var results = new Versioned<InboxItem>?[updates.Count];
        for (var i = 0; i < updates.Count; i++)
        {
            try
            {
                results[i] = await UpdateAsync(updates[i].Next, updates[i].Current.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                results[i] = null;
            }
        }

        return results;
    }
}
