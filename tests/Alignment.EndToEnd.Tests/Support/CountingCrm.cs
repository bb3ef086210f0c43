using System.Collections.Concurrent;
using Alignment.Sync.Crm;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>The real CRM port, counting how often each account was fetched for processing (one fetch per inbox item).</summary>
internal sealed class CountingCrm(ICrm inner, ConcurrentDictionary<string, int> fetches) : ICrm
{
    public string Name => inner.Name;

    public IAsyncEnumerable<CrmAccount> ReadAccountsAsync(CrmReadRequest request, CancellationToken cancellationToken) =>
        inner.ReadAccountsAsync(request, cancellationToken);

    public Task<IReadOnlyList<CrmAccount>> GetAccountsAsync(IReadOnlyCollection<string> accountIds, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        foreach (var id in accountIds)
        {
            fetches.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return inner.GetAccountsAsync(accountIds, signalsSince, cancellationToken);
    }

    public Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken) => inner.WriteAsync(writes, cancellationToken);

    public ApiUsage GetUsage() => inner.GetUsage();
}
