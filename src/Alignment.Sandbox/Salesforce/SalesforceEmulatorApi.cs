using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alignment.Sandbox.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.Salesforce;

/// <summary>The HTTP behaviour of the emulator: token endpoint, query, query locator, limits, sObject Collections update.</summary>
internal sealed class SalesforceEmulatorApi
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

    public async Task TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenCalls);
        await DelayAsync(context).ConfigureAwait(false);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grant = form["grant_type"].ToString();
        var problem = grant switch
        {
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => CheckAssertion(form["assertion"].ToString()),
            "client_credentials" => CheckClientCredentials(context, form),
            _ => ("unsupported_grant_type", "grant type not supported"),
        };
        if (problem is { } p)
        {
            await WriteJsonAsync(context, 400, w =>
            {
                w.WriteStartObject();
                w.WriteString("error", p.Error);
                w.WriteString("error_description", p.Description);
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        var token = _options.OrganizationId[..15] + "!" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = 0;
        var instance = BaseAddress.GetLeftPart(UriPartial.Authority);
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", token);
            w.WriteString("scope", "api");
            w.WriteString("instance_url", instance);
            w.WriteString("id", instance + "/id/" + _options.OrganizationId + "/005000000000API");
            w.WriteString("token_type", "Bearer");
            w.WriteString("issued_at", _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            w.WriteString("signature", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

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

    public async Task QueryAsync(HttpContext context, string version)
    {
        if (!await GuardAsync(context, write: false).ConfigureAwait(false))
        {
            return;
        }

        var (status, body) = RunQuery(context.Request.Query["q"].ToString(), version, PageSize(context.Request.Headers["Sforce-Query-Options"].ToString()));
        await WriteBufferAsync(context, status, body).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /composite</c>: one API call for up to 25 subrequests, each answered with its own status and body. The
    /// emulator serves the query subrequests the adapter sends (<c>GET …/query?q=</c> and <c>GET …/query/{locator}</c>),
    /// where a SOQL statement may be longer than a GET URI allows (up to SOQL's 100,000 characters).
    /// </summary>
    public async Task CompositeAsync(HttpContext context, string version)
    {
        if (!await GuardAsync(context, write: false).ConfigureAwait(false))
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await ErrorAsync(context, 400, "JSON_PARSER_ERROR", ex.Message).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("compositeRequest", out var requests) || requests.ValueKind != JsonValueKind.Array
                || requests.GetArrayLength() is 0 or > MaxCompositeSubrequests)
            {
                await ErrorAsync(context, 400, "INVALID_INPUT", "compositeRequest must hold 1 to 25 subrequests.").ConfigureAwait(false);
                return;
            }

            var responses = new List<(string? ReferenceId, int Status, ArrayBufferWriter<byte> Body)>();
            foreach (var request in requests.EnumerateArray())
            {
                var referenceId = request.TryGetProperty("referenceId", out var r) ? r.GetString() : null;
                var method = request.TryGetProperty("method", out var m) ? m.GetString() : null;
                var url = request.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
                var batch = request.TryGetProperty("httpHeaders", out var h) && h.ValueKind == JsonValueKind.Object && h.TryGetProperty("Sforce-Query-Options", out var o)
                    ? o.GetString() ?? ""
                    : "";
                var (status, body) = Subrequest(method, url, version, PageSize(batch));
                responses.Add((referenceId, status, body));
            }

            await WriteJsonAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("compositeResponse");
                foreach (var (referenceId, status, body) in responses)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("body");
                    w.WriteRawValue(body.WrittenSpan, skipInputValidation: true);
                    w.WriteStartObject("httpHeaders");
                    w.WriteEndObject();
                    w.WriteNumber("httpStatusCode", status);
                    w.WriteString("referenceId", referenceId);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }
    }

    private (int Status, ArrayBufferWriter<byte> Body) Subrequest(string? method, string url, string version, int pageSize)
    {
        var queryPath = "/services/data/" + version + "/query";
        if (method != "GET" || !url.StartsWith(queryPath, StringComparison.Ordinal))
        {
            return (400, ErrorBody("INVALID_INPUT", "The emulator's Composite resource serves query subrequests only."));
        }

        var rest = url[queryPath.Length..];
        if (rest.StartsWith("?q=", StringComparison.Ordinal))
        {
            return RunQuery(Uri.UnescapeDataString(rest[3..].Replace('+', ' ')), version, pageSize);
        }

        return rest.StartsWith('/') ? RunQueryMore(rest[1..], version, pageSize) : (404, ErrorBody("NOT_FOUND", "The requested resource does not exist"));
    }

    private (int Status, ArrayBufferWriter<byte> Body) RunQuery(string soql, string version, int pageSize)
    {
        if (soql.Length > MaxSoqlLength)
        {
            return (400, ErrorBody("MALFORMED_QUERY", "SOQL statements cannot be longer than 100000 characters."));
        }

        SoqlQuery query;
        try
        {
            query = SoqlParser.Parse(soql);
        }
        catch (SoqlSyntaxException ex)
        {
            return (400, ErrorBody("MALFORMED_QUERY", ex.Message));
        }

        var renderer = Renderer(version);
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            lock (_store.Gate)
            {
                var rows = _evaluator.Execute(query);
                var cursor = new QueryCursor(query.Select, rows);
                var locator = renderer.Register(cursor);
                using var w = new Utf8JsonWriter(buffer);
                renderer.WritePage(w, locator, cursor, 0, pageSize);
            }
        }
        catch (SoqlQueryException ex)
        {
            return (400, ErrorBody(ex.ErrorCode, ex.Message));
        }

        return (200, buffer);
    }

    private (int Status, ArrayBufferWriter<byte> Body) RunQueryMore(string locatorAndOffset, string version, int pageSize)
    {
        var dash = locatorAndOffset.LastIndexOf('-');
        var renderer = Renderer(version);
        var cursor = dash > 0 ? renderer.Cursor(locatorAndOffset[..dash]) : null;
        if (cursor is null || !int.TryParse(locatorAndOffset.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset > cursor.Rows.Count)
        {
            return (400, ErrorBody("INVALID_QUERY_LOCATOR", "invalid query locator"));
        }

        var buffer = new ArrayBufferWriter<byte>();
        lock (_store.Gate)
        {
            using var w = new Utf8JsonWriter(buffer);
            renderer.WritePage(w, locatorAndOffset[..dash], cursor, offset, pageSize);
        }

        return (200, buffer);
    }

    public async Task QueryMoreAsync(HttpContext context, string version, string locatorAndOffset)
    {
        if (!await GuardAsync(context, write: false).ConfigureAwait(false))
        {
            return;
        }

        var (status, body) = RunQueryMore(locatorAndOffset, version, PageSize(context.Request.Headers["Sforce-Query-Options"].ToString()));
        await WriteBufferAsync(context, status, body).ConfigureAwait(false);
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

    public async Task UpdateCollectionAsync(HttpContext context)
    {
        if (!await GuardAsync(context, write: true).ConfigureAwait(false))
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await WriteJsonAsync(context, 400, w =>
            {
                w.WriteStartObject();
                w.WriteString("message", "Json Deserialization failed on token 'null' and has left off in the middle of parsing a row.");
                w.WriteString("errorCode", "INVALID_FIELD");
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var allOrNone = root.TryGetProperty("allOrNone", out var aon) && aon.ValueKind == JsonValueKind.True;
            if (!root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array || records.GetArrayLength() == 0)
            {
                await ErrorAsync(context, 400, "REQUIRED_FIELD_MISSING", "At least 1 record is required.").ConfigureAwait(false);
                return;
            }

            if (records.GetArrayLength() > MaxCollectionRecords)
            {
                await ErrorAsync(context, 400, "EXCEEDED_MAX_SIZE_REQUEST", "You can't update more than 200 records in one request.").ConfigureAwait(false);
                return;
            }

            var buffer = new ArrayBufferWriter<byte>();
            string? topLevelError;
            lock (_store.Gate)
            {
                topLevelError = ApplyCollection(records, allOrNone, buffer);
            }

            if (topLevelError is not null)
            {
                await ErrorAsync(context, 400, "INVALID_FIELD", topLevelError).ConfigureAwait(false);
                return;
            }

            await WriteBufferAsync(context, 200, buffer).ConfigureAwait(false);
        }
    }

    private string? ApplyCollection(JsonElement records, bool allOrNone, ArrayBufferWriter<byte> buffer)
    {
        var outcomes = new List<(string? Id, string? Code, string? Message, string[] Fields, Dictionary<string, object?> Values)>();
        foreach (var record in records.EnumerateArray())
        {
            var type = record.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty("type", out var t) ? t.GetString() : null;
            var id = record.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in record.EnumerateObject().Where(p => p.Name is not ("attributes" or "id")))
            {
                if (type is not null && !_store.HasColumn(type, property.Name))
                {
                    return "No such column '" + property.Name + "' on sobject of type " + type;
                }

                values[property.Name] = ValueOf(property.Value);
            }

            outcomes.Add(Check(type, id, values));
        }

        var anyFailed = outcomes.Any(o => o.Code is not null);
        var now = _options.TimeProvider.GetUtcNow();
        using var w = new Utf8JsonWriter(buffer);
        w.WriteStartArray();
        foreach (var (id, code, message, fields, values) in outcomes)
        {
            var (finalCode, finalMessage) = code is null && allOrNone && anyFailed
                ? ("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records were valid and the request was using AllOrNone header")
                : (code, message);
            w.WriteStartObject();
            if (id is not null && code != "MALFORMED_ID")
            {
                w.WriteString("id", id);
            }

            w.WriteBoolean("success", finalCode is null);
            w.WriteStartArray("errors");
            if (finalCode is not null)
            {
                w.WriteStartObject();
                w.WriteString("statusCode", finalCode);
                w.WriteString("message", finalMessage);
                w.WriteStartArray("fields");
                foreach (var f in finalCode == code ? fields : [])
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                var target = _store.Find(id)!;
                foreach (var (field, value) in values)
                {
                    target[field] = value;
                }

                target["LastModifiedDate"] = now;
                target["SystemModstamp"] = now;
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        return null;
    }

    /// <summary>Whether a record update would be accepted: the id, the type, restricted picklists and injected faults (null code = yes).</summary>
    internal (string? Id, string? Code, string? Message, string[] Fields, Dictionary<string, object?> Values) Check(string? type, string? id, Dictionary<string, object?> values)
    {
        if (type is null)
        {
            return (id, "INVALID_TYPE", "sObject type is required in attributes", [], values);
        }

        if (id is null || id.Length is not (15 or 18) || !id.All(char.IsAsciiLetterOrDigit))
        {
            return (id, "MALFORMED_ID", type + " ID: id value of incorrect type: " + id, ["Id"], values);
        }

        var target = _store.Find(id);
        if (target is null || !string.Equals(target.Type, type, StringComparison.OrdinalIgnoreCase))
        {
            return (id, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", ["Id"], values);
        }

        foreach (var (field, value) in values)
        {
            if (SalesforceSchema.Picklists.TryGetValue(field, out var allowed) && value is not null
                && (value is not string s || !allowed.Contains(s, StringComparer.Ordinal)))
            {
                return (id, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "bad value for restricted picklist field: " + value, [field], values);
            }
        }

        if (Faults.ValidationError(id) is { } message)
        {
            return (id, "FIELD_CUSTOM_VALIDATION_EXCEPTION", message, [], values);
        }

        return Faults.TryTakeLock(id)
            ? (id, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records: " + id, [], values)
            : (id, null, null, [], values);
    }

    private static object? ValueOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.String when value.GetString() is { Length: >= 20 } s && s[10] == 'T'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => instant.ToUniversalTime(),
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null, // Salesforce stores no empty text
        _ => value.GetRawText(),
    };

    private SalesforceJsonRenderer Renderer(string version) =>
        _renderers.GetOrAdd(version, v => new SalesforceJsonRenderer(_evaluator, v, _options.ChildPageSize));

    private int PageSize(string header)
    {
        var index = header.IndexOf("batchSize=", StringComparison.OrdinalIgnoreCase);
        return index >= 0 && int.TryParse(header.AsSpan(index + "batchSize=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? Math.Clamp(size, 200, _options.PageSize)
            : _options.PageSize;
    }

    private (string Error, string Description)? CheckAssertion(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return ("invalid_grant", "invalid assertion");
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var p = payload.RootElement;
            var iss = p.TryGetProperty("iss", out var i) ? i.GetString() : null;
            var sub = p.TryGetProperty("sub", out var s) ? s.GetString() : null;
            var aud = p.TryGetProperty("aud", out var a) ? a.GetString() : null;
            var exp = p.TryGetProperty("exp", out var e) && e.TryGetInt64(out var x) ? x : 0;
            var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            if (iss != _options.ClientId)
            {
                return ("invalid_client_id", "client identifier invalid");
            }

            if (sub != _options.Username)
            {
                return ("invalid_grant", "user hasn't approved this consumer");
            }

            if (aud is null || !(aud.TrimEnd('/') == BaseAddress.GetLeftPart(UriPartial.Authority) || aud is "https://login.salesforce.com" or "https://test.salesforce.com"))
            {
                return ("invalid_grant", "audience is invalid");
            }

            if (exp < now || exp > now + 300)
            {
                return ("invalid_grant", "expired authorization code");
            }

            if (_options.PublicKeyPem is { } pem)
            {
                using var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                var ok = rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                if (!ok)
                {
                    return ("invalid_grant", "invalid assertion");
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or CryptographicException)
        {
            return ("invalid_grant", "invalid assertion");
        }
    }

    private (string Error, string Description)? CheckClientCredentials(HttpContext context, IFormCollection form)
    {
        string? id = form["client_id"], secret = form["client_secret"];
        var auth = context.Request.Headers.Authorization.ToString();
        if (auth.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth["Basic ".Length..]));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                id = Uri.UnescapeDataString(decoded[..colon]);
                secret = Uri.UnescapeDataString(decoded[(colon + 1)..]);
            }
        }

        return id == _options.ClientId && secret == _options.ClientSecret ? null : ("invalid_client", "invalid client credentials");
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
