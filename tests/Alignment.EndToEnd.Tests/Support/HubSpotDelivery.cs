using System.Globalization;
using System.Text;
using Alignment.HubSpot.Webhooks;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>
/// A HubSpot webhook delivery as HubSpot sends it: a JSON array with one <c>company.propertyChange</c> event, signed
/// with <c>X-HubSpot-Signature-v3</c> (<c>base64(HMAC-SHA256(secret, method + uri + body + timestamp))</c>) over the URL
/// it is posted to.
/// </summary>
internal sealed record HubSpotDelivery(long EventId, string CompanyId)
{
    public string Body(DateTimeOffset occurredAt) => string.Create(CultureInfo.InvariantCulture,
        $$"""[{"eventId":{{EventId}},"subscriptionId":1,"portalId":62515,"occurredAt":{{occurredAt.ToUnixTimeMilliseconds()}},"subscriptionType":"company.propertyChange","attemptNumber":0,"objectId":{{CompanyId}},"propertyName":"numberofemployees","propertyValue":"900"}]""");

    /// <summary>A signed POST of this delivery, stamped <paramref name="now"/>.</summary>
    public HttpRequestMessage ToRequest(Uri url, string clientSecret, DateTimeOffset now)
    {
        var body = Encoding.UTF8.GetBytes(Body(now));
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-HubSpot-Signature-v3", HubSpotSignature.V3(clientSecret, "POST", url.AbsoluteUri, body, timestamp));
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        return request;
    }

    /// <summary>The inbox event id the connector stores this delivery under.</summary>
    public string InboxEventId => "hubspot:" + EventId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="total"/> deliveries naming <paramref name="companyIds"/> round-robin, of which
    /// <paramref name="duplicates"/> repeat an earlier event (a redelivery), shuffled with a fixed seed.
    /// </summary>
    public static IReadOnlyList<HubSpotDelivery> Generate(int total, int duplicates, IReadOnlyList<string> companyIds, int seed = 42)
    {
        var random = new Random(seed);
        var distinct = Enumerable.Range(0, total - duplicates).Select(i => new HubSpotDelivery(100_000 + i, companyIds[i % companyIds.Count])).ToList();
        var all = new List<HubSpotDelivery>(distinct);
        all.AddRange(Enumerable.Range(0, duplicates).Select(_ => distinct[random.Next(distinct.Count)]));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
        return all;
    }
}
