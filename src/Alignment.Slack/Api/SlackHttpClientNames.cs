namespace Alignment.Slack.Api;

/// <summary>Names of the <see cref="IHttpClientFactory"/> clients.</summary>
internal static class SlackHttpClientNames
{
    /// <summary>The Web API (base address <see cref="SlackOptions.ApiBaseUrl"/>, bot token added by <see cref="SlackAuthHandler"/>).</summary>
    public const string Api = "Alignment.Slack.Api";

    /// <summary>Incoming webhooks (no token; the URL is the secret).</summary>
    public const string Webhook = "Alignment.Slack.Webhook";
}
