using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Webhooks;

/// <summary>
/// HubSpot webhook deliveries → inbox items. Checks <c>X-HubSpot-Signature-v3</c> (5-minute window against the
/// <c>now</c> given, constant-time compare; v1/v2 only where configured), then parses the event array:
/// company events name the company; association events the company side; contact and engagement events yield a typed
/// reference (<c>contacts:123</c>, <c>emails:9</c>) that <c>ICrm.GetAccountsAsync</c> resolves through associations.
/// One item per event, idempotent by <c>hubspot:&lt;eventId&gt;</c>. The replay window is two-sided
/// (<c>WebhookMaxAge</c> before or after now). Every answer is 200, 400 or 401; nothing here throws for any body or
/// header (see <c>docs/webhook-threat-model.md</c>).
/// </summary>
public sealed class HubSpotWebhookParser(IOptionsMonitor<HubSpotOptions> options, ILogger<HubSpotWebhookParser> logger) : IWebhookParser
{
    /// <summary>Events per delivery above which it is refused with 400 (HubSpot batches at most 100).</summary>
    public const int MaxEventsPerDelivery = 1000;

    private static readonly Dictionary<string, string> ObjectTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["company"] = "companies", ["contact"] = "contacts", ["deal"] = "deals", ["email"] = "emails", ["meeting"] = "meetings",
        ["call"] = "calls", ["note"] = "notes", ["task"] = "tasks", ["0-2"] = "companies", ["0-1"] = "contacts",
        ["0-49"] = "emails", ["0-47"] = "meetings", ["0-48"] = "calls", ["0-46"] = "notes", ["0-27"] = "tasks",
    };

    public string Source => CrmKinds.HubSpotName;

    public WebhookParseResult Parse(WebhookRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = Authenticate(request, now, options.CurrentValue);
        if (problem is not null)
        {
            HubSpotLog.WebhookRejected(logger, problem);
            return WebhookParseResult.Reject(401, problem);
        }

        if (!Utf8.IsValid(request.Body.Span))
        {
            return WebhookParseResult.Reject(400, "The body is not valid UTF-8.");
        }

        IReadOnlyList<WebhookEvent>? events;
        try
        {
            events = JsonSerializer.Deserialize(request.Body.Span, HubSpotJsonContext.Default.IReadOnlyListWebhookEvent);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return WebhookParseResult.Reject(400, "The body is not a JSON array of HubSpot webhook events.");
        }

        if (events is null)
        {
            return WebhookParseResult.Reject(400, "The body is not a JSON array of HubSpot webhook events.");
        }

        if (events.Count > MaxEventsPerDelivery)
        {
            return WebhookParseResult.Reject(400, $"The delivery holds more than {MaxEventsPerDelivery} events (HubSpot sends at most 100).");
        }

        var items = new List<InboxItem>(events.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is not { } e)
            {
                return WebhookParseResult.Reject(400, string.Create(CultureInfo.InvariantCulture, $"Event {i} of the array is null, not a HubSpot webhook event object."));
            }

            if (e.EventId is not { } eventId)
            {
                return WebhookParseResult.Reject(400, "A webhook event has no eventId.");
            }

            var ids = AccountIdsOf(e);
            var key = InboxKey.For(Source, eventId.ToString(CultureInfo.InvariantCulture));
            if (ids.Count == 0 || !seen.Add(key))
            {
                continue;
            }

            items.AddRange(InboxItems.ForEvent(key, Source, ids, now));
        }

        return WebhookParseResult.Accept(items);
    }

    /// <summary>The company ids (or typed references) an event asks to rescore; empty for events that don't matter.</summary>
    internal static IReadOnlyList<string> AccountIdsOf(WebhookEvent e)
    {
        var type = e.Type ?? "";
        var dot = type.IndexOf('.', StringComparison.Ordinal);
        var objectName = dot > 0 ? type[..dot] : type;
        var action = dot > 0 ? type[(dot + 1)..] : "";
        if (action.Equals("deletion", StringComparison.OrdinalIgnoreCase) || action.Equals("privacyDeletion", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (objectName.Equals("object", StringComparison.OrdinalIgnoreCase) && e.ObjectTypeId is { } typeId)
        {
            objectName = typeId;
        }

        if (action.Equals("associationChange", StringComparison.OrdinalIgnoreCase) && e.AssociationType is { } association)
        {
            return CompanySideOf(association, e);
        }

        if (!ObjectTypes.TryGetValue(objectName, out var objectType))
        {
            return [];
        }

        var id = action.Equals("merge", StringComparison.OrdinalIgnoreCase) ? e.NewObjectId ?? e.PrimaryObjectId ?? e.ObjectId : e.ObjectId;
        return id is { } objectId ? [new HubSpotObjectReference(objectType, objectId.ToString(CultureInfo.InvariantCulture)).ToString()] : [];
    }

    private static IReadOnlyList<string> CompanySideOf(string association, WebhookEvent e)
    {
        // e.g. COMPANY_TO_CONTACT (from = company) or CONTACT_TO_COMPANY (to = company).
        var parts = association.Split("_TO_", 2, StringSplitOptions.None);
        if (parts.Length == 2 && parts[0].Equals("COMPANY", StringComparison.OrdinalIgnoreCase) && e.FromObjectId is { } from)
        {
            return [from.ToString(CultureInfo.InvariantCulture)];
        }

        if (parts.Length == 2 && parts[1].StartsWith("COMPANY", StringComparison.OrdinalIgnoreCase) && e.ToObjectId is { } to)
        {
            return [to.ToString(CultureInfo.InvariantCulture)];
        }

        if (parts.Length == 2 && e.FromObjectId is { } other && ObjectTypes.TryGetValue(parts[0], out var fromType))
        {
            return [new HubSpotObjectReference(fromType, other.ToString(CultureInfo.InvariantCulture)).ToString()];
        }

        return [];
    }

    /// <summary>Null when the delivery is authentic; else why it is not (no secret, header or timestamp in the text).</summary>
    internal static string? Authenticate(WebhookRequest request, DateTimeOffset now, HubSpotOptions o)
    {
        if (string.IsNullOrEmpty(o.ClientSecret))
        {
            return $"{HubSpotOptions.SectionName}:ClientSecret is not configured; HubSpot deliveries cannot be verified.";
        }

        var body = request.Body.Span;
        if (request.Header("X-HubSpot-Signature-v3") is { } v3 && o.WebhookSignatureVersions.Contains("v3"))
        {
            if (request.Header("X-HubSpot-Request-Timestamp") is not { } timestamp
                || !long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
            {
                return "X-HubSpot-Request-Timestamp is missing or not epoch milliseconds.";
            }

            // Compared as numbers, never turned into a DateTimeOffset: any 64-bit value is answered, none throws.
            if (!WebhookTimestamp.IsWithin(ms, now, o.WebhookMaxAge))
            {
                return ms < now.ToUnixTimeMilliseconds()
                    ? "The request timestamp is older than the replay window."
                    : "The request timestamp is further in the future than the replay window allows.";
            }

            var expected = HubSpotSignature.V3(o.ClientSecret, request.Method, request.Url.AbsoluteUri, body, timestamp);
            return HubSpotSignature.Matches(expected, v3) ? null : "X-HubSpot-Signature-v3 does not match.";
        }

        if (request.Header("X-HubSpot-Signature") is { } legacy)
        {
            var version = request.Header("X-HubSpot-Signature-Version") ?? "v1";
            if (!o.WebhookSignatureVersions.Contains(version))
            {
                return $"Signature version {version} is not accepted (configure {HubSpotOptions.SectionName}:WebhookSignatureVersions).";
            }

            var expected = version == "v2"
                ? HubSpotSignature.V2(o.ClientSecret, request.Method, request.Url.AbsoluteUri, body)
                : HubSpotSignature.V1(o.ClientSecret, body);
            return HubSpotSignature.Matches(expected, legacy) ? null : "X-HubSpot-Signature does not match.";
        }

        return "No HubSpot signature header (X-HubSpot-Signature-v3).";
    }
}
