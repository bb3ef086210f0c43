using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Alignment.Sandbox.Salesforce.Soql;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.Salesforce;

/// <summary>SOQL: <c>query</c>, the query locator (<c>query/{locator}-{offset}</c>) and the composite API's GET subrequests.</summary>
internal sealed partial class SalesforceEmulatorApi
{
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

    private SalesforceJsonRenderer Renderer(string version) =>
        _renderers.GetOrAdd(version, v => new SalesforceJsonRenderer(_evaluator, v, _options.ChildPageSize));

    private int PageSize(string header)
    {
        var index = header.IndexOf("batchSize=", StringComparison.OrdinalIgnoreCase);
        return index >= 0 && int.TryParse(header.AsSpan(index + "batchSize=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? Math.Clamp(size, 200, _options.PageSize)
            : _options.PageSize;
    }
}
