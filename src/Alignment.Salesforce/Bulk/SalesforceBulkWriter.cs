using System.Globalization;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Logging;
using Alignment.Salesforce.Mapping;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Bulk;

/// <summary>
/// Writes many accounts through Bulk API 2.0 update jobs (docs/salesforce.md, "Bulk API 2.0"): a CSV of <c>Id</c> and
/// the connector's fields (an empty cell leaves a field as it is, <c>#N/A</c> clears it, so each row changes exactly the
/// fields the REST path would), written to a local file as the writes are read and uploaded from it once, closed,
/// polled; then the failed rows (and, if the job failed, the unprocessed ones) are mapped back to accounts. Rows
/// refused with a transient code come back for the REST path to retry; every other row not confirmed is a failure the
/// run reports, never a silent loss. Only the accounts' ids are held, never the writes (docs/partitions.md, "A worker's memory").
/// </summary>
internal sealed class SalesforceBulkWriter(SalesforceBulkClient bulk, IOptions<SalesforceOptions> options, ILogger<SalesforceBulkWriter> logger)
{
    /// <summary>Rows per ingest job: well under the 100 MB (150 MB base64) upload limit at the connector's row size.</summary>
    public const int MaxRowsPerJob = 100_000;

    /// <summary>The <c>#N/A</c> of a Bulk API CSV: set the field to null.</summary>
    public const string Null = "#N/A";

    /// <summary>
    /// Writes the staged writes that <paramref name="send"/> keeps (it settles the others: a malformed id, nothing
    /// writable); returns what to retry through REST.
    /// </summary>
    public async Task<(List<string> Written, List<CrmWriteFailure> Failures, List<AccountWrite> RetryViaRest)> WriteAsync(
        IStagedWrites writes, Func<AccountWrite, bool> send, IReadOnlySet<string> transientCodes, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        var retry = new HashSet<string>(StringComparer.Ordinal);
        var columns = writes.Fields.Where(f => !AlignmentFields.IsHumans(f)).Order().ToList();
        var folder = Path.Combine(Path.GetTempPath(), "alignment-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var jobs = new List<Upload>();
            await foreach (var write in writes.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!send(write))
                {
                    continue;
                }

                if (jobs.Count == 0 || jobs[^1].Ids.Count >= MaxRowsPerJob)
                {
                    jobs.LastOrDefault()?.Close();
                    jobs.Add(new Upload(Path.Combine(folder, jobs.Count.ToString(CultureInfo.InvariantCulture) + ".csv"), columns, options.Value.Fields));
                }

                jobs[^1].Add(write);
            }

            jobs.LastOrDefault()?.Close();
            foreach (var job in jobs)
            {
                await WriteJobAsync(job, transientCodes, written, failures, retry, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var retryWrites = retry.Count == 0 ? [] : await writes.ReadAsync(cancellationToken).Where(w => retry.Contains(w.AccountId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (written, failures, retryWrites);
    }

    private async Task WriteJobAsync(
        Upload upload, IReadOnlySet<string> transientCodes, List<string> written, List<CrmWriteFailure> failures, HashSet<string> retry, CancellationToken cancellationToken)
    {
        var job = await bulk.CreateIngestJobAsync("Account", cancellationToken).ConfigureAwait(false);
        try
        {
            var csv = new FileStream(upload.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
            await using (csv.ConfigureAwait(false))
            {
                await bulk.UploadAsync(job.Id, csv, cancellationToken).ConfigureAwait(false);
            }

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
        var ids = upload.Ids;
        var refused = new HashSet<string>(StringComparer.Ordinal);
        if ((job.NumberRecordsFailed ?? 0) > 0 || job.State != "JobComplete")
        {
            await foreach (var row in bulk.ReadIngestResultsAsync(job.Id, "failedResults", cancellationToken).ConfigureAwait(false))
            {
                var id = row["Id"] ?? row["sf__Id"];
                if (id is null || !ids.Contains(id) || !refused.Add(id))
                {
                    continue;
                }

                var (code, message) = SplitError(row["sf__Error"]);
                if (transientCodes.Contains(code))
                {
                    retry.Add(id);
                }
                else
                {
                    SalesforceLog.RecordFailed(logger, id, code);
                    failures.Add(new CrmWriteFailure(id, code, message, Transient: false));
                }
            }
        }

        var processed = job.NumberRecordsProcessed ?? 0;
        if (job.State == "JobComplete" && processed >= ids.Count)
        {
            written.AddRange(ids.Where(id => !refused.Contains(id)));
            return;
        }

        // The job failed or stopped short: only rows Salesforce lists as successful are written; the rest are kept for the next run.
        var succeeded = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in bulk.ReadIngestResultsAsync(job.Id, "successfulResults", cancellationToken).ConfigureAwait(false))
        {
            if ((row["sf__Id"] ?? row["Id"]) is { } id && ids.Contains(id) && !refused.Contains(id))
            {
                succeeded.Add(id);
            }
        }

        written.AddRange(succeeded);
        SalesforceLog.BulkJobIncomplete(logger, job.Id, job.State, ids.Count - succeeded.Count - refused.Count);
        foreach (var id in ids.Where(id => !succeeded.Contains(id) && !refused.Contains(id)))
        {
            failures.Add(new CrmWriteFailure(id, "BULK_JOB_" + job.State.ToUpperInvariant(),
                "Bulk API job " + job.Id + " ended " + job.State + " before this record: " + (job.ErrorMessage ?? "no reason given") + ".", Transient: true));
        }
    }

    /// <summary>
    /// A row: the id, then each column's value where the write changes that field (null as <c>#N/A</c>, as is an empty
    /// text, which Salesforce stores as null), empty where it does not (the field is left as it is).
    /// </summary>
    private static void Row(AccountWrite write, IReadOnlyList<AlignmentField> columns, string[] row)
    {
        row[0] = write.AccountId;
        for (var i = 0; i < columns.Count; i++)
        {
            row[i + 1] = !write.Fields.Contains(columns[i]) ? ""
                : SalesforceWriteMapper.ValueOf(columns[i], write.Values) switch
                {
                    int n => n.ToString(CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    string { Length: > 0 } v => v,
                    _ => Null,
                };
        }
    }

    /// <summary>One ingest job's upload, written to a local file row by row; its ids kept to map the results back.</summary>
    private sealed class Upload
    {
        private readonly IReadOnlyList<AlignmentField> _columns;
        private readonly string[] _row;
        private readonly BulkCsvFile _file;

        public Upload(string path, IReadOnlyList<AlignmentField> columns, SalesforceFieldMap fields)
        {
            Path = path;
            _columns = columns;
            _row = new string[columns.Count + 1];
            _file = BulkCsv.Create(path, ["Id", .. columns.Select(fields.NameOf)], 65536);
        }

        public string Path { get; }

        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public void Add(AccountWrite write)
        {
            Ids.Add(write.AccountId);
            Row(write, _columns, _row);
            _file.Write(_row);
        }

        public void Close() => _file.Dispose();
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
