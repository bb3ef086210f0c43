using System.Globalization;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Logging;
using Alignment.Salesforce.Mapping;
using Alignment.Sync.Crm;
using CsvHelper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Bulk;

/// <summary>
/// Writes many accounts through Bulk API 2.0 update jobs (docs/salesforce.md, "Bulk API 2.0"): a CSV of <c>Id</c> and
/// the connector's fields (an empty cell leaves a field as it is, <c>#N/A</c> clears it, so each row changes exactly the
/// fields the REST path would), uploaded once, closed, polled; then the failed rows (and, if the job failed, the
/// unprocessed ones) are mapped back to accounts. Rows refused with a transient code come back for the REST path to
/// retry; every other row not confirmed is a failure the run reports, never a silent loss.
/// </summary>
internal sealed class SalesforceBulkWriter(SalesforceBulkClient bulk, IOptions<SalesforceOptions> options, ILogger<SalesforceBulkWriter> logger)
{
    /// <summary>Rows per ingest job: well under the 100 MB (150 MB base64) upload limit at the connector's row size.</summary>
    public const int MaxRowsPerJob = 100_000;

    /// <summary>The <c>#N/A</c> of a Bulk API CSV: set the field to null.</summary>
    public const string Null = "#N/A";

    /// <summary>Writes <paramref name="writes"/> (all with writable fields and valid ids); returns what to retry through REST.</summary>
    public async Task<(List<string> Written, List<CrmWriteFailure> Failures, List<AccountWrite> RetryViaRest)> WriteAsync(
        IReadOnlyList<AccountWrite> writes, IReadOnlySet<string> transientCodes, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        var retry = new List<AccountWrite>();
        foreach (var chunk in writes.Chunk(MaxRowsPerJob))
        {
            await WriteJobAsync(chunk, transientCodes, written, failures, retry, cancellationToken).ConfigureAwait(false);
        }

        return (written, failures, retry);
    }

    private async Task WriteJobAsync(
        AccountWrite[] writes, IReadOnlySet<string> transientCodes, List<string> written, List<CrmWriteFailure> failures, List<AccountWrite> retry, CancellationToken cancellationToken)
    {
        var csv = Csv(writes, options.Value.Fields);
        var job = await bulk.CreateIngestJobAsync("Account", cancellationToken).ConfigureAwait(false);
        try
        {
            await bulk.UploadAsync(job.Id, csv, cancellationToken).ConfigureAwait(false);
            await bulk.SetIngestStateAsync(job.Id, "UploadComplete", cancellationToken).ConfigureAwait(false);
        }
        catch (CrmException)
        {
            // Nothing was processed: abort the job (best effort) so it cannot run later, and let the run keep these accounts.
            try
            {
                await bulk.SetIngestStateAsync(job.Id, "Aborted", CancellationToken.None).ConfigureAwait(false);
            }
            catch (CrmException)
            {
            }

            throw;
        }

        job = await bulk.WaitAsync(job.Id, query: false, cancellationToken).ConfigureAwait(false);
        var byId = writes.ToDictionary(w => w.AccountId, StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        if ((job.NumberRecordsFailed ?? 0) > 0 || job.State != "JobComplete")
        {
            await foreach (var row in bulk.ReadIngestResultsAsync(job.Id, "failedResults", cancellationToken).ConfigureAwait(false))
            {
                var id = row["Id"] ?? row["sf__Id"];
                if (id is null || !byId.TryGetValue(id, out var write) || !refused.Add(id))
                {
                    continue;
                }

                var (code, message) = SplitError(row["sf__Error"]);
                if (transientCodes.Contains(code))
                {
                    retry.Add(write);
                }
                else
                {
                    SalesforceLog.RecordFailed(logger, id, code);
                    failures.Add(new CrmWriteFailure(id, code, message, Transient: false));
                }
            }
        }

        var processed = job.NumberRecordsProcessed ?? 0;
        if (job.State == "JobComplete" && processed >= writes.Length)
        {
            written.AddRange(writes.Select(w => w.AccountId).Where(id => !refused.Contains(id)));
            return;
        }

        // The job failed or stopped short: only rows Salesforce lists as successful are written; the rest are kept for the next run.
        var succeeded = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in bulk.ReadIngestResultsAsync(job.Id, "successfulResults", cancellationToken).ConfigureAwait(false))
        {
            if ((row["sf__Id"] ?? row["Id"]) is { } id && byId.ContainsKey(id) && !refused.Contains(id))
            {
                succeeded.Add(id);
            }
        }

        written.AddRange(succeeded);
        SalesforceLog.BulkJobIncomplete(logger, job.Id, job.State, writes.Length - succeeded.Count - refused.Count);
        foreach (var write in writes.Where(w => !succeeded.Contains(w.AccountId) && !refused.Contains(w.AccountId)))
        {
            failures.Add(new CrmWriteFailure(write.AccountId, "BULK_JOB_" + job.State.ToUpperInvariant(),
                "Bulk API job " + job.Id + " ended " + job.State + " before this record: " + (job.ErrorMessage ?? "no reason given") + ".", Transient: true));
        }
    }

    /// <summary>
    /// The upload: <c>Id</c> and a column per writable field any write changes; each row fills the fields its write
    /// changes (null as <c>#N/A</c>, as is an empty text, which Salesforce stores as null) and leaves the others empty.
    /// </summary>
    internal static ReadOnlyMemory<byte> Csv(IReadOnlyList<AccountWrite> writes, SalesforceFieldMap fields)
    {
        var columns = writes.SelectMany(w => w.Fields).Where(f => !AlignmentFields.IsHumans(f)).Distinct().Order().ToList();
        var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Separator = ',', NewLine = "\n" }, true))
        {
            csv.WriteHeader(["Id", .. columns.Select(fields.NameOf)]);
            var row = new string[columns.Count + 1];
            foreach (var write in writes)
            {
                row[0] = write.AccountId;
                for (var i = 0; i < columns.Count; i++)
                {
                    row[i + 1] = !write.Fields.Contains(columns[i]) ? ""
                        : SalesforceWriteMapper.ValueOf(columns[i], write.Values) switch
                        {
                            int n => n.ToString(CultureInfo.InvariantCulture),
                            bool b => b ? "true" : "false",
                            string { Length: > 0 } s => s,
                            _ => Null,
                        };
                }

                csv.WriteRecord(row);
            }

            csv.Flush();
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary><c>CODE:message:fields --</c> → the code and the rest.</summary>
    internal static (string Code, string Message) SplitError(string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return ("UNKNOWN_ERROR", "Salesforce gave no reason for this record.");
        }

        var colon = error.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (error[..colon], error[(colon + 1)..].TrimEnd(' ', '-')) : (error, error);
    }
}
