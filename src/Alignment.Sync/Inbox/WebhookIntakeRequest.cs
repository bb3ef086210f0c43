namespace Alignment.Sync.Inbox;

/// <summary>One webhook delivery for <see cref="WebhookIntakeJob"/>.</summary>
/// <param name="Source">The route name: <c>hubspot</c> or <c>salesforce</c> (matched case-insensitively to <see cref="IWebhookParser.Source"/>).</param>
/// <param name="Request">The delivery as received.</param>
public sealed record WebhookIntakeRequest(string Source, WebhookRequest Request);
