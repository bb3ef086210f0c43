using System.Text;
using Alignment.Sync.Inbox;

namespace Alignment.TestKit.Fakes;

/// <summary>
/// A tiny webhook format for tests and the inbox bench: header <c>X-Test-Signature</c> must equal <see cref="Secret"/>;
/// the body is <c>eventId:accountId[;accountId...]</c> entries separated by commas.
/// </summary>
public sealed class TestWebhookParser(string source = "test") : IWebhookParser
{
    public const string Secret = "test-secret";
    public const string Ack = "ok";

    public string Source { get; } = source;

    public WebhookParseResult Parse(WebhookRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Header("X-Test-Signature"), Secret, StringComparison.Ordinal))
        {
            return WebhookParseResult.Reject(401, "Signature does not match.");
        }

        var body = Encoding.UTF8.GetString(request.Body.Span);
        var items = new List<InboxItem>();
        foreach (var entry in body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(':', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return WebhookParseResult.Reject(400, "Each entry must be 'eventId:accountId'.");
            }

            items.Add(new InboxItem
            {
                EventId = Source + ":" + parts[0],
                Source = Source,
                AccountIds = parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries),
                ReceivedAt = now,
            });
        }

        return WebhookParseResult.Accept(items, Ack);
    }
}
