namespace Alignment.Sync.State;

/// <summary>The record that makes each alert go out once: written before sending, updated after.</summary>
public interface IAlertLedger
{
    Task<Versioned<AlertLedgerEntry>?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Creates the entry; returns null when an entry with that key already exists.</summary>
    Task<Versioned<AlertLedgerEntry>?> TryCreateAsync(AlertLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces the entry if it still carries <paramref name="etag"/>; else <see cref="ConcurrencyConflictException"/>.</summary>
    Task<Versioned<AlertLedgerEntry>> UpdateAsync(AlertLedgerEntry entry, string etag, CancellationToken cancellationToken);

    /// <summary>Entries in <see cref="AlertLedgerState.Pending"/> or <see cref="AlertLedgerState.Sending"/> state.</summary>
    IAsyncEnumerable<Versioned<AlertLedgerEntry>> ListOpenAsync(CancellationToken cancellationToken);
}
