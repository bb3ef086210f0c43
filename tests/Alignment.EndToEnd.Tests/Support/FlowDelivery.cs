using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>
/// A Salesforce Flow HTTP callout as the connector accepts it: <c>{"eventId","accountIds"}</c> signed with
/// <c>X-Alignment-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))</c>.
/// </summary>
internal sealed record FlowDelivery(string EventId, string AccountId)
{
    public string Body => $$"""{"eventId":"{{EventId}}","accountIds":["{{AccountId}}"]}""";

    /// <summary>A signed POST of this delivery, stamped <paramref name="now"/>.</summary>
    public HttpRequestMessage ToRequest(Uri url, string secret, DateTimeOffset now)
    {
        var body = Body;
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Alignment-Timestamp", timestamp);
        request.Headers.Add("X-Alignment-Signature", "sha256=" + Convert.ToHexStringLower(mac));
        return request;
    }

    /// <summary>
    /// <paramref name="total"/> deliveries naming <paramref name="accountIds"/> round-robin, of which
    /// <paramref name="duplicates"/> repeat an earlier event (a redelivery), shuffled with a fixed seed.
    /// </summary>
    public static IReadOnlyList<FlowDelivery> Generate(int total, int duplicates, IReadOnlyList<string> accountIds, int seed = 42)
    {
        var random = new Random(seed);
        var distinct = Enumerable.Range(0, total - duplicates)
            .Select(i => new FlowDelivery(string.Create(CultureInfo.InvariantCulture, $"evt-{i:D6}"), accountIds[i % accountIds.Count]))
            .ToList();
        var all = new List<FlowDelivery>(distinct);
        all.AddRange(Enumerable.Range(0, duplicates).Select(_ => distinct[random.Next(distinct.Count)]));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all));
        return all;
    }
}
