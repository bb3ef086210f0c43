using Alignment.Sync.State;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>The real alert ledger; the process dies on a chosen update (e.g. right after the Pending rows were written, before any send is started).</summary>
internal sealed class CrashingAlertLedger(IAlertLedger inner, CrashSwitch crash) : IAlertLedger
{
    public Task<Versioned<AlertLedgerEntry>?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task<Versioned<AlertLedgerEntry>?> TryCreateAsync(AlertLedgerEntry entry, CancellationToken cancellationToken) => inner.TryCreateAsync(entry, cancellationToken);

    public Task<Versioned<AlertLedgerEntry>> UpdateAsync(AlertLedgerEntry entry, string etag, CancellationToken cancellationToken)
    {
        crash.Trip("after the alert ledger rows were written, before the send started");
        return inner.UpdateAsync(entry, etag, cancellationToken);
    }

    public IAsyncEnumerable<Versioned<AlertLedgerEntry>> ListOpenAsync(CancellationToken cancellationToken) => inner.ListOpenAsync(cancellationToken);
}
