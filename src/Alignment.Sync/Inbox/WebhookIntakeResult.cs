namespace Alignment.Sync.Inbox;

/// <summary>What the host answers the sender after <see cref="WebhookIntakeJob.RunAsync"/>.</summary>
/// <param name="StatusCode">HTTP status: 200 when stored; the parser's 400/401/403 when rejected; 404 for an unknown source.</param>
/// <param name="Body">The acknowledgement body when accepted (e.g. the Outbound Message SOAP Ack); the problem when rejected.</param>
/// <param name="ContentType">Content type of <paramref name="Body"/>.</param>
/// <param name="Problem">Why it was rejected (safe to log); null when accepted.</param>
/// <param name="Stored">Items newly stored in the inbox.</param>
/// <param name="Duplicates">Items skipped because their event id was already stored (a redelivery).</param>
public sealed record WebhookIntakeResult(int StatusCode, string Body, string ContentType, string? Problem, int Stored, int Duplicates)
{
    public bool Accepted => Problem is null;
}
