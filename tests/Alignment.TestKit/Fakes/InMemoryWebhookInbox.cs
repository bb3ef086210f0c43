using System.Runtime.CompilerServices;
using Alignment.Sync.Inbox;
using Alignment.Sync.State;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="IWebhookInbox"/> that honours ETags like the table store.</summary>
public sealed class InMemoryWebhookInbox : IWebhookInbox
{
    private readonly Dictionary<string, Versioned<InboxItem>> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<InboxItem> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values.Select(v => v.Value).OrderBy(i => i.ReceivedAt).ThenBy(i => i.EventId, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Called at the start of <see cref="AddAsync"/>; throw from it to simulate a storage outage.</summary>
    public Action<IReadOnlyCollection<InboxItem>>? BeforeAdd { get; set; }

    public Task<int> AddAsync(IReadOnlyCollection<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        BeforeAdd?.Invoke(items);
        lock (_gate)
        {
            var added = 0;
            foreach (var item in items)
            {
                if (this._items.TryAdd(item.EventId, new Versioned<InboxItem>(item, ETagSequence.Next())))
                {
                    added++;
                }
            }

            return Task.FromResult(added);
        }
    }

    public async IAsyncEnumerable<Versioned<InboxItem>> ListDueAsync(DateTimeOffset now, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Versioned<InboxItem>> due;
        lock (_gate)
        {
            due = [.. _items.Values
                .Where(v => v.Value.State == InboxState.Pending && (v.Value.NextAttemptAt is null || v.Value.NextAttemptAt <= now))
                .OrderBy(v => v.Value.ReceivedAt)
                .ThenBy(v => v.Value.EventId, StringComparer.Ordinal)
                .Take(max)];
        }

        foreach (var item in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return item;
        }
    }

    public Task<Versioned<InboxItem>> UpdateAsync(InboxItem item, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            if (!_items.TryGetValue(item.EventId, out var stored) || stored.ETag != etag)
            {
                throw new ConcurrencyConflictException($"Inbox item '{item.EventId}' changed.");
            }

            var updated = new Versioned<InboxItem>(item, ETagSequence.Next());
            _items[item.EventId] = updated;
            return Task.FromResult(updated);
        }
    }

    public Task<Versioned<InboxItem>?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.GetValueOrDefault(eventId));
        }
    }
}
