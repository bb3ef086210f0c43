using System.Runtime.CompilerServices;
using Alignment.Sync.Alerts;
using Alignment.Sync.State;

namespace Alignment.Benchmarks.HubSpot;

/// <summary>
/// An alert ledger that keeps nothing and a channel that drops everything, for the economy bench: what is measured is
/// the CRM traffic, and the scoring run's handoff DMs and tier digest need no CRM call.
/// </summary>
internal sealed class BenchAlertSink : IAlertLedger, IAlertChannel
{
    public Task<Versioned<AlertLedgerEntry>?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Versioned<AlertLedgerEntry>?>(null);

    public Task<Versioned<AlertLedgerEntry>?> TryCreateAsync(AlertLedgerEntry entry, CancellationToken cancellationToken) =>
        Task.FromResult<Versioned<AlertLedgerEntry>?>(new Versioned<AlertLedgerEntry>(entry, "bench"));

    public Task<Versioned<AlertLedgerEntry>> UpdateAsync(AlertLedgerEntry entry, string etag, CancellationToken cancellationToken) =>
        Task.FromResult(new Versioned<AlertLedgerEntry>(entry, "bench"));

    public async IAsyncEnumerable<Versioned<AlertLedgerEntry>> ListOpenAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    public Task SendAsync(Alert alert, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool?> WasDeliveredAsync(Alert alert, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult<bool?>(true);
}
