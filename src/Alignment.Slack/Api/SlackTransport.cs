using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alignment.Slack.Api;

/// <summary>Sends one request and turns timeouts and network failures into <see cref="Sync.Alerts.AlertDeliveryException"/>.</summary>
internal static class SlackTransport
{
    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string method, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw SlackFailures.Timeout(method, client.Timeout, e);
        }
        catch (HttpRequestException e)
        {
            throw SlackFailures.Network(method, e);
        }
    }

    public static async Task<SlackApiResponse> ReadApiResponseAsync(HttpResponseMessage response, string method, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(body, SlackJsonContext.Default.SlackApiResponse)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new Sync.Alerts.AlertDeliveryException(
                $"Slack {method} answered HTTP {(int)response.StatusCode} with a body that is not Slack JSON.", transient: true, mayHaveBeenDelivered: true, innerException: e);
        }
    }
}
