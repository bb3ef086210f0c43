using System.Globalization;
using System.Text;
using Alignment.HubSpot.Webhooks;

namespace Alignment.Functions.Tests.Host;

/// <summary>A HubSpot webhook delivery (one <c>company.propertyChange</c> event) with its v3 signature headers.</summary>
internal sealed record HubSpotDelivery(byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>Signed with <paramref name="secret"/> over POST, <paramref name="url"/> (as called), the body and the timestamp.</summary>
    public static HubSpotDelivery Signed(string secret, Uri url, long eventId, string companyId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        var occurredAt = now.ToUnixTimeMilliseconds();
        var body = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $$"""[{"eventId":{{eventId}},"subscriptionId":4001,"portalId":62515,"appId":1160452,"occurredAt":{{occurredAt}},"subscriptionType":"company.propertyChange","attemptNumber":0,"objectId":{{companyId}},"propertyName":"numberofemployees","propertyValue":"450","changeSource":"CRM_UI"}]"""));
        var timestamp = occurredAt.ToString(CultureInfo.InvariantCulture);
        return new HubSpotDelivery(
            body,
            [
                new("Content-Type", "application/json"),
                new("Host", url.Authority),
                new("User-Agent", "HubSpot Connect 2.0 (http://dev.hubspot.com/)"),
                new("X-HubSpot-Signature-v3", HubSpotSignature.V3(secret, "POST", url.AbsoluteUri, body, timestamp)),
                new("X-HubSpot-Request-Timestamp", timestamp),
            ]);
    }
}
