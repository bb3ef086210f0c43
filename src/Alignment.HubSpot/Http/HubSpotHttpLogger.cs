using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Alignment.HubSpot.Http;

/// <summary>
/// Replaces the default <c>HttpClient</c> loggers of the HubSpot client, whose Trace-level header events carry the raw
/// <c>Authorization</c> value in their structured state (only the formatted text is redacted): one line per attempt
/// with method, route (no query), status and duration, never a header.
/// </summary>
internal sealed class HubSpotHttpLogger(ILogger<HubSpotHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        HubSpotLog.Call(logger, request.Method.Method, Route(request), (int)response.StatusCode, Math.Round(elapsed.TotalMilliseconds, 1));

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        HubSpotLog.CallFailed(logger, request.Method.Method, Route(request), Math.Round(elapsed.TotalMilliseconds, 1), exception.GetType().Name);

    private static string Route(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "";
}
