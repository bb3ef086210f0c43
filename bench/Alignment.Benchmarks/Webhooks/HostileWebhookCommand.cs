using System.Diagnostics;
using System.Globalization;
using System.Text;
using Alignment.HubSpot;
using Alignment.HubSpot.Webhooks;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Webhooks;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alignment.Benchmarks.Webhooks;

/// <summary>
/// How long the webhook parsers take to answer hostile bodies (the rejection time an unauthenticated sender can cost
/// a core): <c>dotnet run -c Release --project bench/Alignment.Benchmarks -- webhook-hostile [runs]</c>. Prints the
/// median and the worst of <c>runs</c> parses per body (after one warm-up), and the status answered.
/// </summary>
public sealed class HostileWebhookCommand : IBenchCommand
{
    private const string OrgId = "00D5e000000AbCdEAF";
    private const string Secret = "bench-flow-secret";
    private static readonly Uri Url = new("https://alignment.example/api/webhooks/x");

    public string Name => "webhook-hostile";

    public string Description => "Time to answer hostile webhook bodies (deep nesting, many elements, DTDs, long ids, huge id lists).";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var r) ? Math.Max(1, r) : 20;
        var now = TimeProvider.System.GetUtcNow();
        var salesforce = new SalesforceWebhookParser(
            Options.Create(new SalesforceOptions { OrganizationId = OrgId, FlowSecret = Secret }), NullLogger<SalesforceWebhookParser>.Instance);
        var hubspot = new HubSpotWebhookParser(
            new StaticMonitor(new HubSpotOptions { ClientSecret = Secret, AccessToken = "x" }), NullLogger<HubSpotWebhookParser>.Instance);

        Console.WriteLine($"{"body",-58} {"bytes",10} {"status",6} {"median ms",10} {"max ms",9}");
        foreach (var (name, parser, request) in Cases(now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = parser(salesforce, hubspot).Parse(request, now).StatusCode; // warm-up
            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                parser(salesforce, hubspot).Parse(request, now);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {request.Body.Length,10:N0} {status,6} {times[times.Count / 2],10:F2} {times[^1],9:F2}"));
        }

        return Task.FromResult(0);
    }

    private static IEnumerable<(string, Func<SalesforceWebhookParser, HubSpotWebhookParser, IWebhookParser>, WebhookRequest)> Cases(DateTimeOffset now)
    {
        static IWebhookParser Sf(SalesforceWebhookParser s, HubSpotWebhookParser h) => s;
        static IWebhookParser Hs(SalesforceWebhookParser s, HubSpotWebhookParser h) => h;
        var valid = Soap(OrgId, 100, "<sf:Name>Acme</sf:Name>");

        yield return ("OM <a> x 200,000 then </a> x 200,000 (issue 12)", Sf, Xml(string.Concat(Enumerable.Repeat("<a>", 200_000)) + string.Concat(Enumerable.Repeat("</a>", 200_000))));
        yield return ("OM deep nesting inside a Notification (x 200,000)", Sf, Xml(Soap(OrgId, 1, string.Concat(Enumerable.Repeat("<x>", 200_000)))));
        yield return ("OM 400,000 empty sibling elements", Sf, Xml(Soap(OrgId, 1, string.Concat(Enumerable.Repeat("<f/>", 400_000)))));
        yield return ("OM wrong org id, then 4 MB of notifications", Sf, Xml(Soap("00D5e000000ZZZZEAF", 20_000, "<sf:Name>Acme</sf:Name>")));
        yield return ("OM billion laughs (DTD)", Sf, Xml("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"));
        yield return ("OM 4 MB text in one Notification Id", Sf, Xml(Soap(OrgId, 1, "").Replace("<Id>04l", "<Id>" + new string('9', 4_000_000), StringComparison.Ordinal)));
        yield return ("OM valid, 100 notifications (accepted)", Sf, Xml(valid));
        yield return ("Flow timestamp 300000000000, any signature", Sf, Flow("""{"eventId":"e","accountIds":[]}""", "300000000000", "sha256=00"));
        var ids = string.Join(",", Enumerable.Range(0, 5_000).Select(i => "\"001A00000" + i.ToString("D6", CultureInfo.InvariantCulture) + "AAA\""));
        var body = "{\"eventId\":\"" + new string('%', 200) + "\",\"accountIds\":[" + ids + "]}";
        var ts = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        yield return ("Flow signed, eventId 200 x '%', 5,000 ids (accepted, 10 parts)", Sf, Flow(body, ts, "sha256=" + Convert.ToHexStringLower(SalesforceWebhookParser.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)))));
        yield return ("HubSpot timestamp 99999999999999999", Hs, HubSpot("[]", "99999999999999999", "x"));
        var nested = string.Concat(Enumerable.Repeat("[", 1_000_000));
        var ms = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        yield return ("HubSpot signed, '[' x 1,000,000", Hs, HubSpot(nested, ms, HubSpotSignature.V3(Secret, "POST", Url.AbsoluteUri, Encoding.UTF8.GetBytes(nested), ms)));
    }

    private static string Soap(string orgId, int notifications, string fields)
    {
        var sb = new StringBuilder("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>")
            .Append(orgId).Append("</OrganizationId>");
        for (var i = 0; i < notifications; i++)
        {
            sb.Append("<Notification><Id>04l5e00000").Append(i.ToString("D8", CultureInfo.InvariantCulture))
                .Append("</Id><sObject xsi:type=\"sf:Account\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>001A000001abcDEAAA</sf:Id>")
                .Append(fields).Append("</sObject></Notification>");
        }

        return sb.Append("</notifications></soapenv:Body></soapenv:Envelope>").ToString();
    }

    private static WebhookRequest Xml(string body) => new("POST", Url, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static WebhookRequest Flow(string body, string timestamp, string signature) => new("POST", Url, new Dictionary<string, string>
    {
        [SalesforceWebhookParser.TimestampHeader] = timestamp,
        [SalesforceWebhookParser.SignatureHeader] = signature,
    }, Encoding.UTF8.GetBytes(body));

    private static WebhookRequest HubSpot(string body, string timestamp, string signature) => new("POST", Url, new Dictionary<string, string>
    {
        ["X-HubSpot-Signature-v3"] = signature,
        ["X-HubSpot-Request-Timestamp"] = timestamp,
    }, Encoding.UTF8.GetBytes(body));

    private sealed class StaticMonitor(HubSpotOptions value) : IOptionsMonitor<HubSpotOptions>
    {
        public HubSpotOptions CurrentValue => value;

        public HubSpotOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HubSpotOptions, string?> listener) => null;
    }
}
