using System.Runtime.CompilerServices;
using Alignment.Sync.State;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="IAlertLedger"/> that honours ETags like the table store.</summary>
public sealed class InMemoryAlertLedger : IAlertLedger
{
    private readonly Dictionary<string, Versioned<AlertLedgerEntry>> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<AlertLedgerEntry> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _items.Values.Select(v => v.Value).OrderBy(e => e.Alert.Key, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Called before an update is stored; throw from it to simulate a crash at that point.</summary>
    public Action<AlertLedgerEntry>? BeforeUpdate { get; set; }

    public Task<Versioned<AlertLedgerEntry>?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.GetValueOrDefault(key));
        }
    }

    public Task<Versioned<AlertLedgerEntry>?> TryCreateAsync(AlertLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (_items.ContainsKey(entry.Alert.Key))
            {
                return Task.FromResult<Versioned<AlertLedgerEntry>?>(null);
            }

            var stored = new Versioned<AlertLedgerEntry>(entry, ETagSequence.Next());
            _items[entry.Alert.Key] = stored;
            return Task.FromResult<Versioned<AlertLedgerEntry>?>(stored);
        }
    }

    public Task<Versioned<AlertLedgerEntry>> UpdateAsync(AlertLedgerEntry entry, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        BeforeUpdate?.Invoke(entry);
        lock (_gate)
        {
            if (!_items.TryGetValue(entry.Alert.Key, out var stored) || stored.ETag != etag)
            {
                throw new ConcurrencyConflictException($"Alert ledger entry '{entry.Alert.Key}' changed.");
            }

            var updated = new Versioned<AlertLedgerEntry>(entry, ETagSequence.Next());
            _items[entry.Alert.Key] = updated;
            return Task.FromResult(updated);
        }
    }

    public async IAsyncEnumerable<Versioned<AlertLedgerEntry>> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Versioned<AlertLedgerEntry>> open;
        lock (_gate)
        {
            open = [.. _items.Values
                .Where(v => v.Value.State is AlertLedgerState.Pending or AlertLedgerState.Sending)
                .OrderBy(v => v.Value.CreatedAt)
                .ThenBy(v => v.Value.Alert.Key, StringComparer.Ordinal)];
        }

        foreach (var item in open)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return item;
        }
    }
}
