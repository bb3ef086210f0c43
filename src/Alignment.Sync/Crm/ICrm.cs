namespace Alignment.Sync.Crm;

/// <summary>
/// The master CRM as the jobs need it. Implemented by the Salesforce and HubSpot adapters; the jobs never know which.
/// Every call may throw <see cref="CrmException"/> (and <see cref="CrmBudgetExhaustedException"/> when the run must stop).
/// </summary>
public interface ICrm
{
    /// <summary>Writes held at once when staged writes are sent in chunks (<see cref="WriteStagedAsync"/>).</summary>
    const int StagedChunk = 1000;

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

    /// <summary>
    /// Writes a partition's staged writes in as few calls as the CRM allows, never holding them all (Salesforce: one
    /// Bulk API 2.0 job, its upload streamed from disk). By default, <see cref="StagedChunk"/> writes at a time through
    /// <see cref="WriteAsync"/>. Failures as there.
    /// </summary>
    async Task<CrmWriteResult> WriteStagedAsync(IStagedWrites writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var written = new List<string>(writes.Count);
        var failures = new List<CrmWriteFailure>();
        await foreach (var chunk in writes.ReadAsync(cancellationToken).Chunk(StagedChunk).ConfigureAwait(false))
        {
            var result = await WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            written.AddRange(result.Written);
            failures.AddRange(result.Failures);
        }

        return new CrmWriteResult(written, failures);
    }

    /// <summary>API calls made through this instance so far, and the CRM's daily budget where it reports one.</summary>
    ApiUsage GetUsage();
}
