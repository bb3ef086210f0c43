using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Alignment.Slack.Api;

/// <summary>Adds <c>Authorization: Bearer xoxb-…</c> to Web API calls. The token is read from options on each call, never logged.</summary>
internal sealed class SlackAuthHandler(IOptionsMonitor<SlackOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = options.CurrentValue.BotToken;
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
