using Alignment.Salesforce.Bulk;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Logging;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Soql;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Alignment.Salesforce;

/// <summary>
/// Writes the changed connector fields: sObject Collections (200 a call, <c>allOrNone=false</c>) with records refused
/// as locked retried by the named pipeline, or one Bulk API 2.0 ingest job above
/// <see cref="SalesforceOptions.BulkThreshold"/> records (its locked rows then go the REST way). docs/salesforce.md § 5.
/// </summary>
internal sealed class SalesforceAccountWriter(
    SalesforceApiClient api,
    SalesforceBulkWriter bulkWriter,
    IOptions<SalesforceOptions> options,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<SalesforceAccountWriter> logger)
{
    private static readonly HashSet<string> TransientRecordErrors = new(StringComparer.Ordinal) { "UNABLE_TO_LOCK_ROW" };

    private readonly SalesforceOptions _o = options.Value;

    public Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return WriteAsync(new ListedWrites(writes), cancellationToken);
    }

    /// <summary>Writes staged writes: through one Bulk API 2.0 job above the threshold (its upload streamed from disk), else through REST.</summary>
    public async Task<CrmWriteResult> WriteAsync(IStagedWrites writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        List<AccountWrite> pending;
        if (writes.Count > _o.BulkThreshold)
        {
            var bulk = await bulkWriter.WriteAsync(writes, w => Send(w, written, failures), TransientRecordErrors, cancellationToken).ConfigureAwait(false);
            written.AddRange(bulk.Written);
            failures.AddRange(bulk.Failures);
            pending = bulk.RetryViaRest; // refused with a transient code: the REST path's record retries take them
        }
        else
        {
            pending = await writes.ReadAsync(cancellationToken).Where(w => Send(w, written, failures)).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var batch in pending.Chunk(_o.WriteBatchSize))
        {
            await WriteBatchAsync(batch, written, failures, cancellationToken).ConfigureAwait(false);
        }

        return new CrmWriteResult(written, failures);
    }

    /// <summary>Whether a write goes to Salesforce; if not, it is settled here (a malformed id refused, nothing the connector may write counted as written).</summary>
    private static bool Send(AccountWrite write, List<string> written, List<CrmWriteFailure> failures)
    {
        if (!SoqlLiteral.IsSalesforceId(write.AccountId))
        {
            failures.Add(new CrmWriteFailure(write.AccountId, "MALFORMED_ID", "Not a 15 or 18 character Salesforce id.", Transient: false));
            return false;
        }

        if (!SalesforceWriteMapper.HasWritableFields(write))
        {
            written.Add(write.AccountId); // nothing the connector may write (the lock is a human's field)
            return false;
        }

        return true;
    }

    private async Task WriteBatchAsync(IReadOnlyList<AccountWrite> batch, List<string> written, List<CrmWriteFailure> failures, CancellationToken cancellationToken)
    {
        // Each attempt writes the records still pending and returns those refused with a transient code; the named
        // pipeline (SalesforcePipelines.RecordRetry) waits and tries again while any remain and attempts are left.
        var attempt = 0;
        var pending = batch;
        await pipelines.GetPipeline<IReadOnlyList<AccountWrite>>(SalesforcePipelines.RecordRetry).ExecuteAsync(
            async token =>
            {
                attempt++;
                var results = await api.UpdateCollectionAsync(SalesforceWriteMapper.Serialize(pending, _o.Fields), token).ConfigureAwait(false);
                var retry = new List<AccountWrite>();
                for (var i = 0; i < pending.Count; i++)
                {
                    var id = pending[i].AccountId;
                    var result = i < results.Count ? results[i] : null;
                    if (result is { Success: true })
                    {
                        written.Add(id);
                        continue;
                    }

                    var error = result?.Errors is { Count: > 0 } errors ? errors[0] : null;
                    var code = error?.StatusCode ?? "UNKNOWN_ERROR";
                    var transient = TransientRecordErrors.Contains(code);
                    if (transient && attempt < _o.MaxWriteAttempts)
                    {
                        retry.Add(pending[i]);
                    }
                    else
                    {
                        SalesforceLog.RecordFailed(logger, id, code);
                        failures.Add(new CrmWriteFailure(id, code, error?.Message ?? "Salesforce gave no result for this record.", transient));
                    }
                }

                pending = retry;
                return (IReadOnlyList<AccountWrite>)retry;
            },
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Writes in memory as staged writes (the REST path's one way through <see cref="SalesforceAccountWriter"/>).</summary>
internal sealed class ListedWrites(IReadOnlyList<AccountWrite> writes) : IStagedWrites
{
    public int Count => writes.Count;

    public IReadOnlySet<AlignmentField> Fields { get; } = writes.SelectMany(w => w.Fields).ToHashSet();

    public IAsyncEnumerable<AccountWrite> ReadAsync(CancellationToken cancellationToken) => writes.ToAsyncEnumerable();
}
