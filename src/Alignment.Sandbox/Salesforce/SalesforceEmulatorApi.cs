using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Alignment.Sandbox.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// The HTTP behaviour of the emulator: request counts, the API guard (token, daily limit, faults), <c>/limits</c> and
/// the shared response helpers; the endpoints are in <c>SalesforceEmulatorApi.Token.cs</c>, <c>.Query.cs</c> and
/// <c>.Collections.cs</c> (Bulk API 2.0 in <see cref="SalesforceBulkEndpoints"/>).
/// </summary>
internal sealed partial class SalesforceEmulatorApi
{
    private const int MaxCollectionRecords = 200;
    private const int MaxCompositeSubrequests = 25;
    private const int MaxSoqlLength = 100_000;
    private readonly SalesforceEmulatorOptions _options;
    private readonly SalesforceStore _store;
    private readonly SoqlEvaluator _evaluator;
    private readonly ConcurrentDictionary<string, SalesforceJsonRenderer> _renderers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private int _tokenCalls;
    private int _reads;
    private int _writes;
    private int _bulkQueryJobs;
    private int _bulkIngestJobs;
    private int _bulkBatches;

    /// <summary>Salesforce's daily Bulk API 2.0 allocations (shown by <c>/limits</c>; a job past them is refused).</summary>
    public const int DailyBulkQueryJobs = 10_000;

    /// <summary>Ingest batches per 24 h (Bulk API 2.0 makes one per 10,000 records, shared with Bulk API).</summary>
    public const int DailyBulkBatches = 15_000;

    public SalesforceEmulatorApi(SalesforceEmulatorOptions options, SalesforceStore store)
    {
        _options = options;
        _store = store;
        _evaluator = new SoqlEvaluator(store);
    }

    public SalesforceFaults Faults { get; } = new();

    public SalesforceEmulatorOptions Options => _options;

    public SoqlEvaluator Evaluator => _evaluator;

    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    public SalesforceRequestCounts Counts => new(
        Volatile.Read(ref _tokenCalls), Volatile.Read(ref _reads), Volatile.Read(ref _writes), Volatile.Read(ref _bulkQueryJobs), Volatile.Read(ref _bulkIngestJobs));

    /// <summary>Counts a new query job; false when the daily allocation is used up.</summary>
    internal bool TakeBulkQueryJob()
    {
        if (Volatile.Read(ref _bulkQueryJobs) >= DailyBulkQueryJobs)
        {
            return false;
        }

        Interlocked.Increment(ref _bulkQueryJobs);
        return true;
    }

    internal void CountBulkIngestJob() => Interlocked.Increment(ref _bulkIngestJobs);

    /// <summary>Takes the batches an ingest of <paramref name="records"/> rows uses (one per 10,000); false when past the daily allocation.</summary>
    internal bool TakeBulkBatches(int records)
    {
        var batches = Math.Max(1, (records + 9_999) / 10_000);
        if (Volatile.Read(ref _bulkBatches) + batches > DailyBulkBatches)
        {
            return false;
        }

        Interlocked.Add(ref _bulkBatches, batches);
        return true;
    }

    private long ApiUsed => _options.ApiUsageStart + Volatile.Read(ref _reads) + Volatile.Read(ref _writes);

    public void ResetCounts()
    {
        Interlocked.Exchange(ref _tokenCalls, 0);
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _bulkQueryJobs, 0);
        Interlocked.Exchange(ref _bulkIngestJobs, 0);
        Interlocked.Exchange(ref _bulkBatches, 0);
    }

    public void ExpireTokens() => _tokens.Clear();

    /// <summary>Runs before every <c>/services/data/vXX.X/…</c> call: latency, auth, limits, injected failures, the usage header.</summary>
    public async Task<bool> GuardAsync(HttpContext context, bool write)
    {
        if (write)
        {
            Interlocked.Increment(ref _writes);
        }
        else
        {
            Interlocked.Increment(ref _reads);
        }

        await DelayAsync(context).ConfigureAwait(false);
        context.Response.Headers["Sforce-Limit-Info"] = "api-usage=" + ApiUsed.ToString(CultureInfo.InvariantCulture) + "/" + _options.DailyApiLimit.ToString(CultureInfo.InvariantCulture);
        var auth = context.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(auth["Bearer ".Length..]))
        {
            await ErrorAsync(context, 401, "INVALID_SESSION_ID", "Session expired or invalid").ConfigureAwait(false);
            return false;
        }

        if (Faults.RequestLimitExceeded || ApiUsed > _options.DailyApiLimit)
        {
            await ErrorAsync(context, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").ConfigureAwait(false);
            return false;
        }

        if (Faults.TryTakeConcurrentLimit())
        {
            await ErrorAsync(context, 403, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.").ConfigureAwait(false);
            return false;
        }

        if (Faults.TryTakeFailure(out var status))
        {
            await ErrorAsync(context, status, status == 503 ? "SERVER_UNAVAILABLE" : "UNKNOWN_EXCEPTION", "Injected failure.").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    public async Task LimitsAsync(HttpContext context)
    {
        if (!await GuardAsync(context, write: false).ConfigureAwait(false))
        {
            return;
        }

        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("DailyApiRequests");
            w.WriteNumber("Max", _options.DailyApiLimit);
            w.WriteNumber("Remaining", Math.Max(0, _options.DailyApiLimit - ApiUsed));
            w.WriteEndObject();
            w.WriteStartObject("DailyBulkApiBatches");
            w.WriteNumber("Max", DailyBulkBatches);
            w.WriteNumber("Remaining", DailyBulkBatches - Volatile.Read(ref _bulkBatches));
            w.WriteEndObject();
            w.WriteStartObject("DailyBulkV2QueryFileStorageMB");
            w.WriteNumber("Max", 976562);
            w.WriteNumber("Remaining", 976562);
            w.WriteEndObject();
            w.WriteStartObject("DailyBulkV2QueryJobs");
            w.WriteNumber("Max", DailyBulkQueryJobs);
            w.WriteNumber("Remaining", DailyBulkQueryJobs - Volatile.Read(ref _bulkQueryJobs));
            w.WriteEndObject();
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private Task DelayAsync(HttpContext context) =>
        Faults.Latency > TimeSpan.Zero ? Task.Delay(Faults.Latency, context.RequestAborted) : Task.CompletedTask;

    private static ArrayBufferWriter<byte> ErrorBody(string code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var w = new Utf8JsonWriter(buffer);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteString("errorCode", code);
        w.WriteEndObject();
        w.WriteEndArray();
        w.Flush();
        return buffer;
    }

    internal static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteJsonAsync(context, status, w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteString("errorCode", code);
            w.WriteEndObject();
            w.WriteEndArray();
        });

    internal static Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w);
        }

        return WriteBufferAsync(context, status, buffer);
    }

    private static async Task WriteBufferAsync(HttpContext context, int status, ArrayBufferWriter<byte> buffer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
