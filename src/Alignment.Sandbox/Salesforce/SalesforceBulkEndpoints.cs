using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alignment.Sandbox.Salesforce.Soql;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// Bulk API 2.0 (docs/salesforce.md, "Bulk API 2.0"): query jobs (create, status, CSV results by <c>Sforce-Locator</c>
/// and <c>maxRecords</c>) and update ingest jobs (create, one CSV upload, close, status, successful, failed and
/// unprocessed results), with the job states, CSV dialects (<c>columnDelimiter</c>, <c>lineEnding</c>), daily
/// allocations and error shapes of Salesforce. A query's rows are taken when the job is created (Salesforce snapshots
/// them too); an ingest job is processed when it is closed.
/// </summary>
internal sealed class SalesforceBulkEndpoints(SalesforceEmulatorApi api, SalesforceStore store)
{
    /// <summary>Rows of a query result page when the request names no <c>maxRecords</c>.</summary>
    public const int DefaultResultsPageSize = 50_000;

    /// <summary>Largest CSV upload Salesforce accepts: 150 MB once base64-encoded, i.e. about 100 MB of CSV.</summary>
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    private static readonly Dictionary<string, char> Delimiters = new(StringComparer.Ordinal)
    {
        ["COMMA"] = ',', ["TAB"] = '\t', ["PIPE"] = '|', ["SEMICOLON"] = ';', ["CARET"] = '^', ["BACKQUOTE"] = '`',
    };

    private readonly ConcurrentDictionary<string, BulkJob> _jobs = new(StringComparer.Ordinal);
    private long _nextJob;

    public void Map(IEndpointRouteBuilder app)
    {
        const string Jobs = "/services/data/{version}/jobs";
        app.MapPost(Jobs + "/query", (HttpContext c, string version) => CreateQueryJobAsync(c, version));
        app.MapGet(Jobs + "/query/{id}", (HttpContext c, string id) => GetJobAsync(c, id, query: true));
        app.MapGet(Jobs + "/query/{id}/results", (HttpContext c, string id) => QueryResultsAsync(c, id));
        app.MapMethods(Jobs + "/query/{id}", ["PATCH"], (HttpContext c, string id) => PatchJobAsync(c, id, query: true));
        app.MapDelete(Jobs + "/query/{id}", (HttpContext c, string id) => DeleteJobAsync(c, id, query: true));
        app.MapPost(Jobs + "/ingest", (HttpContext c, string version) => CreateIngestJobAsync(c, version));
        app.MapGet(Jobs + "/ingest/{id}", (HttpContext c, string id) => GetJobAsync(c, id, query: false));
        app.MapPut(Jobs + "/ingest/{id}/batches", (HttpContext c, string id) => UploadAsync(c, id));
        app.MapMethods(Jobs + "/ingest/{id}", ["PATCH"], (HttpContext c, string id) => PatchJobAsync(c, id, query: false));
        app.MapDelete(Jobs + "/ingest/{id}", (HttpContext c, string id) => DeleteJobAsync(c, id, query: false));
        foreach (var kind in new[] { "successfulResults", "failedResults", "unprocessedrecords" })
        {
            app.MapGet(Jobs + "/ingest/{id}/" + kind, (HttpContext c, string id) => IngestResultsAsync(c, id, kind)); // with or without the trailing slash
        }
    }

    private async Task CreateQueryJobAsync(HttpContext context, string version)
    {
        if (!await api.GuardAsync(context, write: false).ConfigureAwait(false))
        {
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var operation = Text(body.Value, "operation");
        var soql = Text(body.Value, "query");
        if (operation is not ("query" or "queryAll") || string.IsNullOrWhiteSpace(soql))
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDJOB", "A query job needs operation 'query' or 'queryAll' and a query.").ConfigureAwait(false);
            return;
        }

        if (await DialectAsync(context, body.Value) is not { } dialect)
        {
            return;
        }

        SoqlQuery query;
        try
        {
            query = SoqlParser.Parse(soql);
        }
        catch (SoqlSyntaxException ex)
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "MALFORMED_QUERY", ex.Message).ConfigureAwait(false);
            return;
        }

        if (query.Select.Any(s => s.Subquery is not null))
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "API_ERROR", "Bulk API 2.0 query does not support parent-to-child relationship (nested) queries.").ConfigureAwait(false);
            return;
        }

        if (!api.TakeBulkQueryJob())
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "LIMIT_EXCEEDED", "The daily allocation of Bulk API 2.0 query jobs (10,000) is used up.").ConfigureAwait(false);
            return;
        }

        var job = NewJob(operation, query.From, version, dialect);
        var paths = query.Select.Select(s => s.Path!).ToList();
        try
        {
            lock (store.Gate)
            {
                var rows = new PackedRows();
                var row = new string?[paths.Count];
                foreach (var record in api.Evaluator.Execute(query))
                {
                    for (var i = 0; i < paths.Count; i++)
                    {
                        row[i] = Format(api.Evaluator.Resolve(record, paths[i]));
                    }

                    rows.Add(row);
                }

                job.Rows = rows;
            }
        }
        catch (SoqlQueryException ex)
        {
            _jobs.TryRemove(job.Id, out _);
            await SalesforceEmulatorApi.ErrorAsync(context, 400, ex.ErrorCode, ex.Message).ConfigureAwait(false);
            return;
        }

        job.Columns = paths;
        Close(job);
        await WriteInfoAsync(context, job).ConfigureAwait(false);
    }

    private async Task CreateIngestJobAsync(HttpContext context, string version)
    {
        if (!await api.GuardAsync(context, write: true).ConfigureAwait(false))
        {
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var obj = Text(body.Value, "object");
        var operation = Text(body.Value, "operation");
        if (obj is null || !store.HasType(obj))
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDENTITY", "Entity '" + obj + "' is not supported by the Bulk API.").ConfigureAwait(false);
            return;
        }

        if (operation != "update")
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDJOB", "The emulator implements the 'update' ingest operation only; got '" + operation + "'.").ConfigureAwait(false);
            return;
        }

        if (Text(body.Value, "contentType") is { } type && type != "CSV")
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDJOB", "contentType must be CSV.").ConfigureAwait(false);
            return;
        }

        if (await DialectAsync(context, body.Value) is not { } dialect)
        {
            return;
        }

        api.CountBulkIngestJob();
        var job = NewJob(operation, obj, version, dialect);
        await WriteInfoAsync(context, job).ConfigureAwait(false);
    }

    private async Task UploadAsync(HttpContext context, string id)
    {
        if (!await api.GuardAsync(context, write: true).ConfigureAwait(false) || await FindAsync(context, id, query: false) is not { } job)
        {
            return;
        }

        if (!(context.Request.ContentType ?? "").StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDJOB", "Job data must be uploaded with Content-Type text/csv.").ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentLength > MaxUploadBytes)
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "EXCEEDED_QUOTA", "Job data exceeds 150 MB once base64-encoded; split it across jobs.").ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var csv = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        lock (job.Gate)
        {
            if (job.State != "Open")
            {
                csv = null;
            }
            else
            {
                job.Uploads.Add(csv);
            }
        }

        if (csv is null)
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDJOBSTATE", "Job " + id + " is not Open; data can only be uploaded to an Open job.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 201;
    }

    private async Task PatchJobAsync(HttpContext context, string id, bool query)
    {
        if (!await api.GuardAsync(context, write: !query).ConfigureAwait(false) || await FindAsync(context, id, query) is not { } job)
        {
            return;
        }

        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var state = Text(body.Value, "state");
        string? problem = null;
        lock (job.Gate)
        {
            if (state == "Aborted" && job.State is not ("JobComplete" or "Failed" or "Aborted"))
            {
                job.State = job.FinalState = "Aborted";
                job.PollsInProgress = 0;
                if (!job.IsQuery)
                {
                    foreach (var upload in job.Uploads)
                    {
                        var (columns, rows) = ParseUpload(job, upload);
                        job.UploadColumns = columns;
                        rows.ForEach(job.Unprocessed.Add);
                    }

                    job.Uploads.Clear(); // the rows are in Unprocessed now
                }
            }
            else if (state == "UploadComplete" && !query && job.State == "Open")
            {
                problem = job.Uploads.Count > 1
                    ? "Found multiple contents for job: <" + job.Id + ">, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job."
                    : null;
                if (problem is null)
                {
                    Process(job);
                    job.Uploads.Clear(); // its rows are in the results now
                    Close(job);
                }
            }
            else
            {
                problem = "Job " + job.Id + " in state " + job.State + " cannot move to " + state + ".";
            }
        }

        if (problem is not null)
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, problem.StartsWith("Found", StringComparison.Ordinal) ? "INVALIDJOB" : "INVALIDJOBSTATE", problem).ConfigureAwait(false);
            return;
        }

        await WriteInfoAsync(context, job).ConfigureAwait(false);
    }

    private async Task GetJobAsync(HttpContext context, string id, bool query)
    {
        if (!await api.GuardAsync(context, write: false).ConfigureAwait(false) || await FindAsync(context, id, query) is not { } job)
        {
            return;
        }

        lock (job.Gate)
        {
            if (job.State is "UploadComplete" or "InProgress")
            {
                if (job.PollsInProgress > 0)
                {
                    job.PollsInProgress--;
                    job.State = "InProgress";
                }
                else
                {
                    job.State = job.FinalState;
                }
            }
        }

        await WriteInfoAsync(context, job).ConfigureAwait(false);
    }

    private async Task DeleteJobAsync(HttpContext context, string id, bool query)
    {
        if (!await api.GuardAsync(context, write: !query).ConfigureAwait(false) || await FindAsync(context, id, query) is null)
        {
            return;
        }

        _jobs.TryRemove(id, out _);
        context.Response.StatusCode = 204;
    }

    private async Task QueryResultsAsync(HttpContext context, string id)
    {
        if (!await api.GuardAsync(context, write: false).ConfigureAwait(false) || await FindAsync(context, id, query: true) is not { } job)
        {
            return;
        }

        if (job.State != "JobComplete")
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDJOBSTATE", "Results are available once the job is JobComplete; it is " + job.State + ".").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(context.Request.RouteValues["version"] as string, job.Version, StringComparison.Ordinal))
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 409, "INVALIDJOB", "Get the results with the API version that created the job (" + job.Version + ").").ConfigureAwait(false);
            return;
        }

        var pageSize = DefaultResultsPageSize;
        if (context.Request.Query["maxRecords"].ToString() is { Length: > 0 } max
            && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1))
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDURL", "maxRecords must be a positive integer.").ConfigureAwait(false);
            return;
        }

        var offset = 0;
        if (context.Request.Query["locator"].ToString() is { Length: > 0 } locator && DecodeLocator(locator) is not { } decoded)
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALID_LOCATOR", "The locator " + locator + " is not one this job returned.").ConfigureAwait(false);
            return;
        }
        else if (context.Request.Query["locator"].ToString() is { Length: > 0 } given)
        {
            offset = DecodeLocator(given)!.Value;
        }

        if (offset > job.Rows.Count)
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALID_LOCATOR", "The locator points past the end of the results.").ConfigureAwait(false);
            return;
        }

        var end = (int)Math.Min(job.Rows.Count, (long)offset + pageSize);
        context.Response.Headers["Sforce-Locator"] = end < job.Rows.Count ? EncodeLocator(end) : "null";
        context.Response.Headers["Sforce-NumberOfRecords"] = (end - offset).ToString(CultureInfo.InvariantCulture);
        await WriteCsvAsync(context, job, job.Columns, job.Rows.Range(offset, end - offset)).ConfigureAwait(false);
    }

    private async Task IngestResultsAsync(HttpContext context, string id, string kind)
    {
        if (!await api.GuardAsync(context, write: false).ConfigureAwait(false) || await FindAsync(context, id, query: false) is not { } job)
        {
            return;
        }

        if (job.State is not ("JobComplete" or "Failed" or "Aborted"))
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDJOBSTATE", "Results are available once the job is JobComplete, Failed or Aborted; it is " + job.State + ".").ConfigureAwait(false);
            return;
        }

        switch (kind)
        {
            case "successfulResults":
                var idAt = IdIndex(job.UploadColumns);
                await WriteCsvAsync(context, job, ["sf__Id", "sf__Created", .. job.UploadColumns], job.Successful.All().Select(row => (string?[])[row[idAt] ?? "", "false", .. row])).ConfigureAwait(false);
                break;
            case "failedResults":
                await WriteCsvAsync(context, job, ["sf__Id", "sf__Error", .. job.UploadColumns], job.Failed.All()).ConfigureAwait(false);
                break;
            default:
                await WriteCsvAsync(context, job, job.UploadColumns, job.Unprocessed.All()).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Applies an ingest job's rows (caller holds the job's gate): per-row checks as sObject Collections makes them.</summary>
    private void Process(BulkJob job)
    {
        if (job.Uploads.Count == 0)
        {
            job.FinalState = "Failed";
            job.ErrorMessage = "InvalidBatch : No data was uploaded for the job.";
            return;
        }

        var (columns, rows) = ParseUpload(job, job.Uploads[0]);
        job.UploadColumns = columns;
        var idIndex = IdIndex(columns);
        var unknown = columns.FirstOrDefault(c => !store.HasColumn(job.Object, c));
        string? failure = idIndex < 0 ? "InvalidBatch : Field name not found : Id"
            : unknown is not null ? "InvalidBatch : Field name not found : " + unknown
            : !api.TakeBulkBatches(rows.Count) ? "ExceededQuota : The daily allocation of Bulk API batches (15,000) is used up."
            : api.Faults.TryTakeBulkFailure();
        if (failure is not null)
        {
            job.FinalState = "Failed";
            job.ErrorMessage = failure;
            rows.ForEach(job.Unprocessed.Add);
            return;
        }

        var now = api.Options.TimeProvider.GetUtcNow();
        lock (store.Gate)
        {
            foreach (var row in rows)
            {
                var id = row[idIndex] ?? "";
                var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                string? error = null;
                for (var i = 0; i < columns.Count && error is null; i++)
                {
                    if (i != idIndex && row[i] is { Length: > 0 } text)
                    {
                        error = Parse(columns[i], text, out var value);
                        values[columns[i]] = value;
                    }
                }

                var check = error is null ? api.Check(job.Object, id, values) : default;
                if (error is null && check.Code is null)
                {
                    var target = store.Find(id)!;
                    foreach (var (field, value) in values)
                    {
                        target[field] = value;
                    }

                    target["LastModifiedDate"] = now;
                    target["SystemModstamp"] = now;
                    job.Successful.Add(row);
                }
                else
                {
                    job.Failed.Add([id, error ?? check.Code + ":" + check.Message + ":" + string.Join(",", check.Fields) + " --", .. row]);
                }
            }
        }
    }

    /// <summary>Null when the value suits the column; otherwise the row's <c>sf__Error</c>.</summary>
    private static string? Parse(string column, string text, out object? value)
    {
        value = null;
        if (text == "#N/A")
        {
            return null; // Bulk API: #N/A sets the field to null (an empty value leaves it unchanged)
        }

        if (SalesforceSchema.Numbers.Contains(column))
        {
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                value = number;
                return null;
            }

            return "INVALID_TYPE_ON_FIELD_IN_RECORD:" + column + ": value not of required type: " + text + ":" + column + " --";
        }

        if (SalesforceSchema.Checkboxes.Contains(column))
        {
            value = text.ToLowerInvariant() switch { "true" or "1" or "yes" => true, "false" or "0" or "no" => false, _ => null };
            return value is null ? "INVALID_TYPE_ON_FIELD_IN_RECORD:" + column + ": value not of required type: " + text + ":" + column + " --" : null;
        }

        if (SalesforceSchema.Instants.Contains(column))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            {
                value = instant;
                return null;
            }

            return "INVALID_TYPE_ON_FIELD_IN_RECORD:" + column + ": value not of required type: " + text + ":" + column + " --";
        }

        value = text;
        return null;
    }

    private static int IdIndex(IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], "Id", StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static (List<string> Columns, List<string?[]> Rows) ParseUpload(BulkJob job, string csv)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { Separator = job.Delimiter, HasHeader = true });
        var columns = reader.Headers.ToList();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return (columns, rows);
    }

    private BulkJob NewJob(string operation, string obj, string version, (char Delimiter, string Name, string LineEnding) dialect)
    {
        var id = "7505e" + Interlocked.Increment(ref _nextJob).ToString("D10", CultureInfo.InvariantCulture) + "AAA";
        var job = new BulkJob(id, operation, obj, version, dialect.Delimiter, dialect.Name, dialect.LineEnding, api.Options.TimeProvider.GetUtcNow());
        _jobs[id] = job;
        return job;
    }

    /// <summary>Upload complete: the job shows InProgress for the configured number of status reads, then its final state.</summary>
    private void Close(BulkJob job)
    {
        if (!job.IsQuery || api.Faults.TryTakeBulkFailure() is not { } failure)
        {
            job.State = "UploadComplete";
            job.PollsInProgress = api.Options.BulkPollsInProgress;
            return;
        }

        job.State = "UploadComplete";
        job.FinalState = "Failed";
        job.ErrorMessage = failure;
        job.Rows = new PackedRows();
        job.PollsInProgress = api.Options.BulkPollsInProgress;
    }

    private async Task<BulkJob?> FindAsync(HttpContext context, string id, bool query)
    {
        if (_jobs.TryGetValue(id, out var job) && job.IsQuery == query)
        {
            return job;
        }

        await SalesforceEmulatorApi.ErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist").ConfigureAwait(false);
        return null;
    }

    private static async Task<(char, string, string)?> DialectAsync(HttpContext context, JsonElement body)
    {
        var name = Text(body, "columnDelimiter") ?? "COMMA";
        var lineEnding = Text(body, "lineEnding") ?? "LF";
        if (!Delimiters.TryGetValue(name, out var delimiter) || lineEnding is not ("LF" or "CRLF"))
        {
            await SalesforceEmulatorApi.ErrorAsync(context, 400, "INVALIDJOB", "columnDelimiter must be one of " + string.Join(", ", Delimiters.Keys) + " and lineEnding LF or CRLF.").ConfigureAwait(false);
            return null;
        }

        return (delimiter, name, lineEnding);
    }

    private static async Task<JsonElement?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
        }

        await SalesforceEmulatorApi.ErrorAsync(context, 400, "JSON_PARSER_ERROR", "The request body must be a JSON object.").ConfigureAwait(false);
        return null;
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Task WriteInfoAsync(HttpContext context, BulkJob job) =>
        SalesforceEmulatorApi.WriteJsonAsync(context, 200, w =>
        {
            lock (job.Gate)
            {
                w.WriteStartObject();
                w.WriteString("id", job.Id);
                w.WriteString("operation", job.Operation);
                w.WriteString("object", job.Object);
                w.WriteString("createdById", "005000000000APIAAA");
                w.WriteString("createdDate", SalesforceJsonRenderer.FormatInstant(job.Created));
                w.WriteString("systemModstamp", SalesforceJsonRenderer.FormatInstant(job.Created));
                w.WriteString("state", job.State);
                w.WriteString("concurrencyMode", "Parallel");
                w.WriteString("contentType", "CSV");
                w.WriteNumber("apiVersion", decimal.Parse(job.Version.TrimStart('v'), CultureInfo.InvariantCulture));
                w.WriteString("jobType", job.IsQuery ? "V2Query" : "V2Ingest");
                w.WriteString("lineEnding", job.LineEnding);
                w.WriteString("columnDelimiter", job.DelimiterName);
                if (!job.IsQuery)
                {
                    w.WriteString("contentUrl", "services/data/" + job.Version + "/jobs/ingest/" + job.Id + "/batches");
                    w.WriteNumber("numberRecordsProcessed", job.State is "JobComplete" or "Failed" ? job.Successful.Count + job.Failed.Count : 0);
                    w.WriteNumber("numberRecordsFailed", job.State is "JobComplete" or "Failed" ? job.Failed.Count : 0);
                }
                else
                {
                    w.WriteNumber("numberRecordsProcessed", job.State == "JobComplete" ? job.Rows.Count : 0);
                }

                w.WriteNumber("retries", 0);
                w.WriteNumber("totalProcessingTime", 0);
                if (job.State == "Failed" && job.ErrorMessage is not null)
                {
                    w.WriteString("errorMessage", job.ErrorMessage);
                }

                w.WriteEndObject();
            }
        });

    private static async Task WriteCsvAsync(HttpContext context, BulkJob job, IReadOnlyList<string> columns, IEnumerable<string?[]> rows)
    {
        // Salesforce quotes every field of its result CSVs; a null is an empty field.
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Separator = job.Delimiter, NewLine = job.NewLine, Quoting = CsvQuoting.Always }, true))
        {
            csv.WriteHeader([.. columns]);
            foreach (var row in rows)
            {
                csv.WriteRecord(row.Select(v => v ?? "").ToArray());
            }

            csv.Flush();
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/csv";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string EncodeLocator(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static int? DecodeLocator(string locator)
    {
        try
        {
            var padded = locator.PadRight(locator.Length + ((4 - (locator.Length % 4)) % 4), '=');
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
