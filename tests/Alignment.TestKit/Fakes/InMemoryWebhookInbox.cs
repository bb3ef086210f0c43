using System.Runtime.CompilerServices;
using Alignment.Sync.Inbox;
using Alignment.Sync.State;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="IWebhookInbox"/> that honours ETags like the table store.</summary>
public sealed class InMemoryWebhookInbox : IWebhookInbox
{
    private readonly Dictionary<string, Versioned<InboxItem>> items = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public IReadOnlyList<InboxItem> All
    {
        get
        {
            lock (gate)
            {
                return [.. items.Values.Select(v => v.Value).OrderBy(i => i.ReceivedAt).ThenBy(i => i.EventId, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Called at the start of <see cref="AddAsync"/>; throw from it to simulate a storage outage.</summary>
    public Action<IReadOnlyCollection<InboxItem>>? BeforeAdd { get; set; }

    public Task<int> AddAsync(IReadOnlyCollection<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        BeforeAdd?.Invoke(items);
        lock (gate)
        {
            var added = 0;
            foreach (var item in items)
            {
                if (this.items.TryAdd(item.EventId, new Versioned<InboxItem>(item, ETagSequence.Next())))
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
        lock (gate)
        {
            due = [.. items.Values
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
        lock (gate)
        {
            if (!items.TryGetValue(item.EventId, out var stored) || stored.ETag != etag)
            {
                throw new ConcurrencyConflictException($"Inbox item '{item.EventId}' changed.");
            }

            var updated = new Versioned<InboxItem>(item, ETagSequence.Next());
            items[item.EventId] = updated;
            return Task.FromResult(updated);
        }
    }

    public Task<Versioned<InboxItem>?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(items.GetValueOrDefault(eventId));
        }
    }
}
