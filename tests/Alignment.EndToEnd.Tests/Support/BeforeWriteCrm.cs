using Alignment.Sync.Crm;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>The real CRM port; runs <paramref name="beforeWrite"/> before each write call (e.g. the CRM starts answering 429 mid-drain).</summary>
internal sealed class BeforeWriteCrm(ICrm inner, Action beforeWrite) : ICrm
{
    public string Name => inner.Name;

    public IAsyncEnumerable<CrmAccount> ReadAccountsAsync(CrmReadRequest request, CancellationToken cancellationToken) =>
        inner.ReadAccountsAsync(request, cancellationToken);

    public Task<IReadOnlyList<CrmAccount>> GetAccountsAsync(IReadOnlyCollection<string> accountIds, DateTimeOffset signalsSince, CancellationToken cancellationToken) =>
        inner.GetAccountsAsync(accountIds, signalsSince, cancellationToken);

    public Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        beforeWrite();
        return inner.WriteAsync(writes, cancellationToken);
    }

    public ApiUsage GetUsage() => inner.GetUsage();
}
