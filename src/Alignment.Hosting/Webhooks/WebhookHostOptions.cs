namespace Alignment.Hosting.Webhooks;

/// <summary>How the hosts receive webhooks (section <c>Alignment:Webhooks</c>).</summary>
public sealed class WebhookHostOptions
{
    public const string SectionName = "Alignment:Webhooks";

    public const string PublicBaseUrlKey = SectionName + ":" + nameof(PublicBaseUrl);

    /// <summary>
    /// The scheme and host the senders call (e.g. <c>https://alignment.example.com</c>), when a proxy or gateway in
    /// front of the app changes them: HubSpot signs the URL it called, so the signature is checked against this base
    /// with the request's path and query. Null: the request URL as received (honouring <c>X-Forwarded-Proto</c> /
    /// <c>X-Forwarded-Host</c>).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Largest body accepted, in bytes (HubSpot sends at most 100 events, Salesforce 100 notifications). Default 4 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
