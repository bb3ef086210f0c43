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
}
