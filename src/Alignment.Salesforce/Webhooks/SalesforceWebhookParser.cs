using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Logging;
using Alignment.Salesforce.Soql;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Webhooks;

/// <summary>
/// Salesforce deliveries: Outbound Message SOAP notifications (checked against the configured org id, answered with the
/// SOAP Ack), or a Flow HTTP callout <c>{"eventId":"…","accountIds":["001…"]}</c> signed with
/// <c>X-Alignment-Signature: sha256=hex(HMAC-SHA256(FlowSecret, timestamp + "." + body))</c> and
/// <c>X-Alignment-Timestamp: unix seconds</c> within 5 minutes either way. Outbound Messages are read by
/// <see cref="OutboundMessageReader"/> (streaming, bounded). Every answer is one of 200, 400, 401, 403 or 405; nothing
/// here throws for any body or header (see <c>docs/webhook-threat-model.md</c>).
/// </summary>
public sealed class SalesforceWebhookParser(IOptions<SalesforceOptions> options, ILogger<SalesforceWebhookParser> logger) : IWebhookParser
{
    public const string SourceName = CrmKinds.SalesforceName;
    public const string SignatureHeader = "X-Alignment-Signature";
    public const string TimestampHeader = "X-Alignment-Timestamp";

    /// <summary>The exact Outbound Message acknowledgement (content type <c>text/xml</c>).</summary>
    public const string OutboundMessageAck =
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
        + "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack></notificationsResponse>"
        + "</soapenv:Body></soapenv:Envelope>";

    /// <summary>How far the Flow callout timestamp may be from now.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public string Source => SourceName;

    public WebhookParseResult Parse(WebhookRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = ParseCore(request, now);
        if (!result.Accepted)
        {
            SalesforceLog.WebhookRejected(logger, result.StatusCode, result.Problem ?? ""); // Debug: the intake logs the one warning line
        }

        return result;
    }

    private WebhookParseResult ParseCore(WebhookRequest request, DateTimeOffset now)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookParseResult.Reject(405, "Only POST is accepted.");
        }

        var body = request.Body.Span;
        var first = body.TrimStart(" \t\r\n\uFEFF"u8);
        if (first.IsEmpty)
        {
            return WebhookParseResult.Reject(400, "The body is empty.");
        }

        return first[0] switch
        {
            (byte)'<' => ParseOutboundMessage(request, now),
            (byte)'{' => ParseFlowCallout(request, now),
            _ => WebhookParseResult.Reject(400, "The body is neither an Outbound Message (SOAP) nor a Flow callout (JSON)."),
        };
    }

    private WebhookParseResult ParseOutboundMessage(WebhookRequest request, DateTimeOffset now)
    {
        var expected = options.Value.OrganizationId;
        if (expected is not { Length: >= 15 })
        {
            return WebhookParseResult.Reject(403, "Outbound Messages are refused: Alignment:Salesforce:OrganizationId is not set.");
        }

        var (notifications, status, problem) = OutboundMessageReader.Read(request.Body, expected);
        if (problem is not null)
        {
            return WebhookParseResult.Reject(status, problem);
        }

        var items = new List<InboxItem>();
        foreach (var (id, accountId) in notifications)
        {
            if (accountId is not null)
            {
                items.AddRange(InboxItems.ForEvent(InboxKey.For(SourceName, id), SourceName, [accountId], now));
            }
        }

        return WebhookParseResult.Accept(items, OutboundMessageAck, "text/xml");
    }

    private WebhookParseResult ParseFlowCallout(WebhookRequest request, DateTimeOffset now)
    {
        var secret = options.Value.FlowSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return WebhookParseResult.Reject(401, "Flow callouts are refused: Alignment:Salesforce:FlowSecret is not set.");
        }

        var timestampText = request.Header(TimestampHeader);
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !WebhookTimestamp.IsWithinSeconds(seconds, now, ReplayWindow))
        {
            return WebhookParseResult.Reject(401, "The " + TimestampHeader + " header is missing or outside the 5-minute window.");
        }

        if (!SignatureMatches(request.Header(SignatureHeader), secret, timestampText!, request.Body.Span))
        {
            return WebhookParseResult.Reject(401, "The " + SignatureHeader + " signature does not match.");
        }

        if (!Utf8.IsValid(request.Body.Span))
        {
            return WebhookParseResult.Reject(400, "The Flow payload is not valid UTF-8.");
        }

        string? eventId;
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            eventId = root.TryGetProperty("eventId", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (!root.TryGetProperty("accountIds", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return WebhookParseResult.Reject(400, "The Flow payload has no accountIds array.");
            }

            foreach (var item in list.EnumerateArray())
            {
                var id = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (!SoqlLiteral.IsSalesforceId(id))
                {
                    return WebhookParseResult.Reject(400, "accountIds must hold 15 or 18 character Salesforce ids.");
                }

                if (seen.Add(id!))
                {
                    ids.Add(id!);
                }
            }
        }
        catch (JsonException)
        {
            return WebhookParseResult.Reject(400, "The Flow payload is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reports an escaped lone surrogate ("\ud800") only when the string is read.
            return WebhookParseResult.Reject(400, "The Flow payload holds a string that is not valid Unicode.");
        }

        if (string.IsNullOrWhiteSpace(eventId) || eventId.Length > 200)
        {
            return WebhookParseResult.Reject(400, "The Flow payload needs an eventId (at most 200 characters).");
        }

        // Any eventId up to 200 characters is accepted: an id that is not short and plain is hashed into the key, and a
        // long account list is split into parts of InboxItems.MaxAccountIdsPerItem (docs/webhook-threat-model.md).
        var items = InboxItems.ForEvent(InboxKey.For(SourceName + ":flow", eventId), SourceName, ids, now);
        return WebhookParseResult.Accept(items, "{\"accepted\":true}", "application/json");
    }

    /// <summary>Computes the expected signature and compares in constant time.</summary>
    internal static bool SignatureMatches(string? header, string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        const string prefix = "sha256=";
        if (header is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Sign(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>HMAC-SHA256(secret, timestamp + "." + body); senders hex-encode it after <c>sha256=</c>.</summary>
    public static byte[] Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
