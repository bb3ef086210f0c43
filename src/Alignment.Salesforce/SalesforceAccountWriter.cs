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

    public async Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        var pending = new List<AccountWrite>();
        foreach (var write in writes)
        {
            if (!SoqlLiteral.IsSalesforceId(write.AccountId))
            {
                failures.Add(new CrmWriteFailure(write.AccountId, "MALFORMED_ID", "Not a 15 or 18 character Salesforce id.", Transient: false));
            }
            else if (!SalesforceWriteMapper.HasWritableFields(write))
            {
                written.Add(write.AccountId); // nothing the connector may write (the lock is a human's field)
            }
            else
            {
                pending.Add(write);
            }
        }

        if (pending.Count > _o.BulkThreshold)
        {
            var bulk = await bulkWriter.WriteAsync(pending, TransientRecordErrors, cancellationToken).ConfigureAwait(false);
            written.AddRange(bulk.Written);
            failures.AddRange(bulk.Failures);
            pending = bulk.RetryViaRest; // refused with a transient code: the REST path's record retries take them
        }

        foreach (var batch in pending.Chunk(_o.WriteBatchSize))
        {
            await WriteBatchAsync(batch, written, failures, cancellationToken).ConfigureAwait(false);
        }

        return new CrmWriteResult(written, failures);
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
