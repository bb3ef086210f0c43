using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Alignment.Slack.Api;

/// <summary>Posts to the incoming webhook (<see cref="SlackOptions.WebhookUrl"/>). Errors come back as plain text with an HTTP status.</summary>
internal sealed class SlackWebhookClient(IHttpClientFactory httpClientFactory, IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private const string Method = "incoming webhook";
    private const int MaxErrorLength = 100;

    public async Task PostAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var url = options.CurrentValue.WebhookUrl ?? throw new InvalidOperationException(SlackOptions.SectionName + ":WebhookUrl is not set.");
        var client = httpClientFactory.CreateClient(SlackHttpClientNames.Webhook);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = SlackTransport.Json(message) };
        using var response = await SlackTransport.SendAsync(client, request, Method, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = new string(text.Trim().Take(MaxErrorLength).Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').ToArray());
        throw SlackFailures.FromStatus(Method, response.StatusCode == 0 ? HttpStatusCode.InternalServerError : response.StatusCode, error, response.Headers.RetryAfter, time);
    }
}
