using Alignment.Sync.Crm;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>The real CRM port; the process dies right after a chosen write call reached the CRM (before the job learns of it).</summary>
internal sealed class CrashingCrm(ICrm inner, CrashSwitch crash) : ICrm
{
    public string Name => inner.Name;

    public IAsyncEnumerable<CrmAccount> ReadAccountsAsync(CrmReadRequest request, CancellationToken cancellationToken) =>
        inner.ReadAccountsAsync(request, cancellationToken);

    public Task<IReadOnlyList<CrmAccount>> GetAccountsAsync(IReadOnlyCollection<string> accountIds, DateTimeOffset signalsSince, CancellationToken cancellationToken) =>
        inner.GetAccountsAsync(accountIds, signalsSince, cancellationToken);

    public async Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        var result = await inner.WriteAsync(writes, cancellationToken);
        crash.Trip("after a CRM write");
        return result;
    }

    public ApiUsage GetUsage() => inner.GetUsage();
}
