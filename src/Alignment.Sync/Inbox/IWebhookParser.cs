namespace Alignment.Sync.Inbox;

/// <summary>
/// Authenticates and parses one source's webhook deliveries (HubSpot signature v3, Salesforce Outbound Message or
/// signed Flow callout) into inbox items. Pure with respect to state: it neither stores nor processes.
/// </summary>
public interface IWebhookParser
{
    /// <summary>The route name and inbox source: <c>hubspot</c> or <c>salesforce</c>.</summary>
    string Source { get; }

    /// <summary>Checks the signature (or organization id) and parses the events.</summary>
    WebhookParseResult Parse(WebhookRequest request, DateTimeOffset now);
}
