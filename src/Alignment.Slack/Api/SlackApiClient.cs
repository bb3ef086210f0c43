using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alignment.Sync.Alerts;

namespace Alignment.Slack.Api;

/// <summary>The Slack Web API methods the alert channel uses, over the named client <see cref="SlackHttpClientNames.Api"/>.</summary>
internal sealed class SlackApiClient(IHttpClientFactory httpClientFactory, TimeProvider time)
{
    public const string MetadataEventType = "alignment_alert";
    private const int MaxHistoryPages = 20;

    /// <summary>
    /// How much earlier than the asked instant history is read: Slack's <c>oldest</c> is exclusive and Slack's clock
    /// is not ours, so a message posted in the same instant (or stamped by a clock slightly behind) must still be found.
    /// The alert key identifies the message; a wider window only costs a little paging.
    /// </summary>
    internal static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(1);

    /// <summary><c>chat.postMessage</c>; returns the message <c>ts</c>. Throws <see cref="AlertDeliveryException"/>.</summary>
    public async Task<string?> PostMessageAsync(JsonObject message, CancellationToken cancellationToken)
    {
        const string method = "chat.postMessage";
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = SlackTransport.Json(message) };
        var body = await CallAsync(request, method, cancellationToken).ConfigureAwait(false);
        return body.Ts;
    }

    /// <summary><c>users.lookupByEmail</c>; null when no user has that e-mail (<c>users_not_found</c>).</summary>
    public async Task<string?> LookupUserByEmailAsync(string email, CancellationToken cancellationToken)
    {
        const string method = "users.lookupByEmail";
        using var request = new HttpRequestMessage(HttpMethod.Get, method + "?email=" + Uri.EscapeDataString(email));
        try
        {
            var body = await CallAsync(request, method, cancellationToken).ConfigureAwait(false);
            return body.User?.Id;
        }
        catch (AlertDeliveryException e) when (!e.Transient && e.Message.Contains("users_not_found", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary><c>conversations.open</c> with one user: the id of the bot's direct-message channel with that user (<c>D…</c>).</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        const string method = "conversations.open";
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("users", userId)]),
        };
        var body = await CallAsync(request, method, cancellationToken).ConfigureAwait(false);
        return body.Channel is { ValueKind: JsonValueKind.Object } channel && channel.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } value
            ? value
            : throw new AlertDeliveryException($"Slack {method} answered without a channel id.", transient: true, mayHaveBeenDelivered: false);
    }

    /// <summary>Whether <c>conversations.history</c> of <paramref name="channel"/> since <paramref name="since"/> (less <see cref="ClockSkewMargin"/>) holds a message carrying <paramref name="key"/> in its metadata.</summary>
    public async Task<bool> HistoryContainsAsync(string channel, string key, DateTimeOffset since, CancellationToken cancellationToken)
    {
        const string method = "conversations.history";
        var oldest = ((since - ClockSkewMargin).ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);
        string? cursor = null;
        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var uri = $"{method}?channel={Uri.EscapeDataString(channel)}&oldest={oldest}&include_all_metadata=true&limit=200"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var body = await CallAsync(request, method, cancellationToken).ConfigureAwait(false);
            if (body.Messages?.Any(m => m.Metadata is { EventType: MetadataEventType } metadata && metadata.EventPayload?.Key == key) == true)
            {
                return true;
            }

            cursor = body.ResponseMetadata?.NextCursor;
            if (!body.HasMore || string.IsNullOrEmpty(cursor))
            {
                return false;
            }
        }

        return false;
    }

    private async Task<SlackApiResponse> CallAsync(HttpRequestMessage request, string method, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(SlackHttpClientNames.Api);
        using var response = await SlackTransport.SendAsync(client, request, method, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await TryReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw SlackFailures.FromStatus(method, response.StatusCode, error, response.Headers.RetryAfter, time);
        }

        var body = await SlackTransport.ReadApiResponseAsync(response, method, cancellationToken).ConfigureAwait(false);
        return body.Ok ? body : throw SlackFailures.FromError(method, body.Error);
    }

    private static async Task<string?> TryReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await SlackTransport.ReadApiResponseAsync(response, "", cancellationToken).ConfigureAwait(false);
            return body.Error;
        }
        catch (AlertDeliveryException)
        {
            return null;
        }
    }
}
