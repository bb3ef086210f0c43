namespace Alignment.Sync.Inbox;

/// <summary>
/// What a <see cref="IWebhookParser"/> made of a delivery: either rejected (with the HTTP status to answer and a reason
/// that names the problem, never a secret), or accepted with the items to store and the exact acknowledgement to
/// answer once they are stored.
/// </summary>
public sealed record WebhookParseResult
{
    private WebhookParseResult()
    {
    }

    public bool Accepted { get; private init; }

    /// <summary>HTTP status to answer: 200 when accepted; 400 malformed, 401 bad signature, 403 wrong organization.</summary>
    public int StatusCode { get; private init; }

    /// <summary>Why it was rejected (safe to log and to answer).</summary>
    public string? Problem { get; private init; }

    public IReadOnlyList<InboxItem> Items { get; private init; } = [];

    /// <summary>The acknowledgement body (e.g. the Outbound Message SOAP Ack), or empty.</summary>
    public string AckBody { get; private init; } = "";

    public string AckContentType { get; private init; } = "text/plain";

    public static WebhookParseResult Accept(IReadOnlyList<InboxItem> items, string ackBody = "", string ackContentType = "text/plain") =>
        new() { Accepted = true, StatusCode = 200, Items = items, AckBody = ackBody, AckContentType = ackContentType };

    public static WebhookParseResult Reject(int statusCode, string problem) =>
        new() { Accepted = false, StatusCode = statusCode, Problem = problem };
}
