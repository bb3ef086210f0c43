using Alignment.Sync.Inbox;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Webhooks;

/// <summary>
/// The webhook routes' code, shared by every host (the Functions app's HubSpotWebhook and SalesforceWebhook functions
/// and <c>alignment serve</c>): each host only copies its request in and the <see cref="WebhookResponse"/> out. Reads the
/// raw body under <see cref="WebhookHostOptions.MaxBodyBytes"/>, resolves the public URL the sender signed, hands the
/// delivery to <see cref="WebhookIntakeJob"/> and maps every outcome to a documented status: 200, 400, 401, 403, 404,
/// 405, 413, or 503 with <c>Retry-After</c> when the delivery could not be stored (the sender redelivers; nothing
/// acknowledged is lost). It never lets an exception out except cancellation by the caller. See
/// <c>docs/webhook-threat-model.md</c>.
/// </summary>
public sealed class WebhookEndpoint(WebhookIntakeJob intake, IOptions<WebhookHostOptions> options, WebhookRejectionLog log)
{
    /// <summary>The <c>Retry-After</c> of a 503.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>Handles one request to <c>/api/webhooks/{source}</c>.</summary>
    /// <param name="source"><c>hubspot</c> or <c>salesforce</c> (the route).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUrl">The URL as the host received it.</param>
    /// <param name="headers">Request headers (several values of one header joined with commas).</param>
    /// <param name="contentLength">The declared <c>Content-Length</c>, if any: a larger one is refused before reading.</param>
    /// <param name="body">The request body stream.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    public async Task<WebhookResponse> HandleAsync(
        string source,
        string method,
        Uri requestUrl,
        IEnumerable<KeyValuePair<string, string>> headers,
        long? contentLength,
        Stream body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUrl);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(body);
        var o = options.Value;
        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(source, 405, "Only POST is accepted.");
        }

        if (contentLength > o.MaxBodyBytes)
        {
            return Refuse(source, 413, WebhookBody.TooLargeMessage(o.MaxBodyBytes));
        }

        byte[]? bytes;
        try
        {
            bytes = await WebhookBody.ReadAsync(body, o.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return Refuse(source, 400, "The body could not be read to its end.");
        }

        if (bytes is null)
        {
            return Refuse(source, 413, WebhookBody.TooLargeMessage(o.MaxBodyBytes));
        }

        try
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in headers)
            {
                map[name] = map.TryGetValue(name, out var earlier) ? earlier + "," + value : value;
            }

            var url = PublicUrl.Resolve(requestUrl, name => map.GetValueOrDefault(name), o.PublicBaseUrl);
            var delivery = new WebhookRequest(method.ToUpperInvariant(), url, map, bytes);
            var result = await intake.RunAsync(new WebhookIntakeRequest(source, delivery), cancellationToken).ConfigureAwait(false);
            return new WebhookResponse(result.StatusCode, result.ContentType, result.Body);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            log.StoreFailed(source, e);
            return new WebhookResponse(503, "text/plain", "The delivery could not be stored now; it was not acknowledged. Retry later.", RetryAfterSeconds);
        }
    }

    private WebhookResponse Refuse(string source, int status, string problem)
    {
        log.Rejected(source, status, problem);
        return new WebhookResponse(status, "text/plain", problem);
    }
}
