using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Wire;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Bulk;

/// <summary>
/// The typed Bulk API 2.0 client (docs/salesforce.md, "Bulk API 2.0"): query jobs (create, poll with back-off,
/// CSV results page by page through <c>Sforce-Locator</c> and <c>maxRecords</c>, streamed through CsvHelper, never
/// a whole result in memory) and update ingest jobs (create, one CSV upload, close, poll, results). Requests go through
/// the same handlers as the REST client (token, API usage, resilience), with retries off for the upload and the state
/// change: Salesforce refuses a job that received two uploads, so those are never sent twice.
/// </summary>
internal sealed class SalesforceBulkClient(HttpClient http, IOptions<SalesforceOptions> options, SalesforceApiUsageTracker usage, TimeProvider time)
{
    public const string Delimiter = "COMMA";
    public const string LineEnding = "LF";

    private SalesforceOptions O => options.Value;

    private string JobsPath => "/services/data/" + O.ApiVersion + "/jobs/";

    public async Task<BulkJobDto> CreateQueryJobAsync(string soql, CancellationToken cancellationToken)
    {
        var body = new BulkQueryJobRequestDto("query", soql, Delimiter, LineEnding);
        using var request = Json(HttpMethod.Post, JobsPath + "query", JsonSerializer.SerializeToUtf8Bytes(body, SalesforceJsonContext.Default.BulkQueryJobRequestDto));
        return await SendForJobAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BulkJobDto> CreateIngestJobAsync(string sObject, CancellationToken cancellationToken)
    {
        var body = new BulkIngestJobRequestDto(sObject, "update", "CSV", Delimiter, LineEnding);
        using var request = Json(HttpMethod.Post, JobsPath + "ingest", JsonSerializer.SerializeToUtf8Bytes(body, SalesforceJsonContext.Default.BulkIngestJobRequestDto));
        return await SendForJobAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>PUT …/batches</c>: the job's one CSV upload.</summary>
    public Task UploadAsync(string jobId, ReadOnlyMemory<byte> csv, CancellationToken cancellationToken) =>
        UploadAsync(jobId, new ReadOnlyMemoryContent(csv), cancellationToken);

    /// <summary><c>PUT …/batches</c> streamed from a file (seekable, so a retried request sends it again from its start).</summary>
    public async Task UploadAsync(string jobId, FileStream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        await UploadAsync(jobId, new StreamContent(csv, 65536), cancellationToken).ConfigureAwait(false);
    }

    private async Task UploadAsync(string jobId, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Uri(JobsPath + "ingest/" + jobId + "/batches"));
        request.Content = content;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves an ingest job to <c>UploadComplete</c> (Salesforce starts processing) or <c>Aborted</c>.</summary>
    public async Task<BulkJobDto> SetIngestStateAsync(string jobId, string state, CancellationToken cancellationToken)
    {
        using var request = Json(HttpMethod.Patch, JobsPath + "ingest/" + jobId, JsonSerializer.SerializeToUtf8Bytes(new BulkJobStateDto(state), SalesforceJsonContext.Default.BulkJobStateDto));
        return await SendForJobAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Polls the job until it is JobComplete, Failed or Aborted, waiting <see cref="SalesforceOptions.BulkPollInterval"/>
    /// and doubling up to <see cref="SalesforceOptions.BulkPollMaxInterval"/>; a job still running after
    /// <see cref="SalesforceOptions.BulkJobTimeout"/> throws (it keeps running in Salesforce; nothing is lost).
    /// </summary>
    public async Task<BulkJobDto> WaitAsync(string jobId, bool query, CancellationToken cancellationToken)
    {
        var path = JobsPath + (query ? "query/" : "ingest/") + jobId;
        var started = time.GetTimestamp();
        var delay = O.BulkPollInterval;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Uri(path));
            var job = await SendForJobAsync(request, cancellationToken).ConfigureAwait(false);
            if (job.State is "JobComplete" or "Failed" or "Aborted")
            {
                return job;
            }

            if (time.GetElapsedTime(started) + delay > O.BulkJobTimeout)
            {
                throw new CrmException(SalesforceCrm.CrmName,
                    "Bulk API job " + jobId + " is still " + job.State + " after " + O.BulkJobTimeout + "; raise Alignment:Salesforce:BulkJobTimeout or look at the job in Setup > Bulk Data Load Jobs.",
                    null, "BULK_JOB_TIMEOUT");
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, O.BulkPollMaxInterval.Ticks));
        }
    }

    /// <summary>The rows of a completed query job, page after page (<c>maxRecords</c>, then each <c>Sforce-Locator</c> until "null").</summary>
    public async IAsyncEnumerable<BulkRow> ReadQueryResultsAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? locator = null;
        do
        {
            var path = JobsPath + "query/" + jobId + "/results?maxRecords=" + O.BulkResultsPageSize.ToString(CultureInfo.InvariantCulture)
                + (locator is null ? "" : "&locator=" + System.Uri.EscapeDataString(locator));
            using var request = new HttpRequestMessage(HttpMethod.Get, Uri(path));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            locator = response.Headers.TryGetValues("Sforce-Locator", out var values) ? values.FirstOrDefault() : null;
            if (locator is "null" or "")
            {
                locator = null;
            }

            await foreach (var row in ReadCsvAsync(response, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
        while (locator is not null);
    }

    /// <summary>An ingest job's <c>successfulResults</c>, <c>failedResults</c> or <c>unprocessedrecords</c>.</summary>
    public async IAsyncEnumerable<BulkRow> ReadIngestResultsAsync(string jobId, string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Uri(JobsPath + "ingest/" + jobId + "/" + kind + "/"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        await foreach (var row in ReadCsvAsync(response, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private static async IAsyncEnumerable<BulkRow> ReadCsvAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // The dialect is the one the job was created with (comma, LF).
            await foreach (var row in BulkCsv.ReadAsync(stream, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    private async Task<BulkJobDto> SendForJobAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(SalesforceJsonContext.Default.BulkJobDto, cancellationToken).ConfigureAwait(false)
            ?? throw new CrmException(SalesforceCrm.CrmName, "Salesforce returned an empty Bulk API job.", (int)response.StatusCode, "INVALID_RESPONSE");
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, byte[] body)
    {
        var request = new HttpRequestMessage(method, Uri(path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return request;
    }

    private static Uri Uri(string path) => new(SalesforceApiClient.InstancePlaceholder, path);

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw SalesforceErrorReader.ToException(response.StatusCode, body, usage.Snapshot(), response.Headers.RetryAfter?.Delta);
    }
}
