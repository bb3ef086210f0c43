using System.Net;
using Alignment.Hosting.Webhooks;
using Alignment.Sync.Inbox;
using Microsoft.Azure.Functions.Worker.Http;

namespace Alignment.Functions.Http;

/// <summary>Maps an HTTP trigger's request to a <see cref="WebhookRequest"/> and a <see cref="WebhookIntakeResult"/> back.</summary>
internal static class WebhookHttp
{
    /// <summary>The delivery with its raw body bytes, headers and public URL; null when the body is over the limit.</summary>
    public static async Task<WebhookRequest?> ReadAsync(HttpRequestData request, WebhookHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var body = await WebhookBody.ReadAsync(request.Body, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var url = PublicUrl.Resolve(request.Url, name => headers.GetValueOrDefault(name), options.PublicBaseUrl);
        return new WebhookRequest(request.Method.ToUpperInvariant(), url, headers, body);
    }

    public static async Task<HttpResponseData> WriteAsync(HttpRequestData request, WebhookIntakeResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var response = request.CreateResponse((HttpStatusCode)result.StatusCode);
        response.Headers.Add("Content-Type", result.ContentType);
        await response.WriteStringAsync(result.Body, cancellationToken).ConfigureAwait(false);
        return response;
    }

    public static async Task<HttpResponseData> TooLargeAsync(HttpRequestData request, WebhookHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(HttpStatusCode.RequestEntityTooLarge);
        response.Headers.Add("Content-Type", "text/plain");
        await response.WriteStringAsync(WebhookBody.TooLargeMessage(options.MaxBodyBytes), cancellationToken).ConfigureAwait(false);
        return response;
    }
}
