using System.Globalization;
using System.Net;
using Alignment.Hosting.Webhooks;
using Microsoft.Azure.Functions.Worker.Http;

namespace Alignment.Functions.Http;

/// <summary>Copies an HTTP trigger's request into the shared <see cref="WebhookEndpoint"/> and its <see cref="WebhookResponse"/> back.</summary>
internal static class WebhookHttp
{
    public static async Task<HttpResponseData> HandleAsync(WebhookEndpoint endpoint, string source, HttpRequestData request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value)));
        long? contentLength = request.Headers.TryGetValues("Content-Length", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;
        var answer = await endpoint.HandleAsync(source, request.Method, request.Url, headers, contentLength, request.Body, cancellationToken).ConfigureAwait(false);
        var response = request.CreateResponse((HttpStatusCode)answer.StatusCode);
        response.Headers.Add("Content-Type", answer.ContentType);
        if (answer.RetryAfterSeconds is { } retryAfter)
        {
            response.Headers.Add("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
        }

        await response.WriteStringAsync(answer.Body, cancellationToken).ConfigureAwait(false);
        return response;
    }
}
