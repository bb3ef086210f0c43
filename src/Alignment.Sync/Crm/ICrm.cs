namespace Alignment.Sync.Crm;

/// <summary>
/// The master CRM as the jobs need it. Implemented by the Salesforce and HubSpot adapters; the jobs never know which.
/// Every call may throw <see cref="CrmException"/> (and <see cref="CrmBudgetExhaustedException"/> when the run must stop).
/// </summary>
public interface ICrm
{
    /// <summary>Short lower-case name for logs and ledgers: <c>salesforce</c> or <c>hubspot</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Streams the accounts the request selects, each with its signals since <see cref="CrmReadRequest.SignalsSince"/>,
    /// its owner and the current values of the connector's fields. Memory does not grow with the org's size.
    /// </summary>
    IAsyncEnumerable<CrmAccount> ReadAccountsAsync(CrmReadRequest request, CancellationToken cancellationToken);

    /// <summary>Reads the named accounts (unknown ids are left out of the result).</summary>
    Task<IReadOnlyList<CrmAccount>> GetAccountsAsync(
        IReadOnlyCollection<string> accountIds, DateTimeOffset signalsSince, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the changed fields of each account, batching as the CRM allows. Per-record failures are returned, not
    /// thrown; a failure of the whole call throws <see cref="CrmException"/>.
    /// </summary>
    Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken);

    /// <summary>API calls made through this instance so far, and the CRM's daily budget where it reports one.</summary>
    ApiUsage GetUsage();
}
