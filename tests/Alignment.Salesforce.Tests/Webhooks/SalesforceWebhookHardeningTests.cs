using System.Globalization;
using System.Text;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Webhooks;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Tests.Webhooks;

/// <summary>Hostile and odd Salesforce deliveries (issue list in docs/webhook-threat-model.md): each gets a documented 4xx or is accepted.</summary>
public sealed class SalesforceWebhookHardeningTests
{
    private const string OrgId = "00D5e000000AbCdEAF";
    private const string Secret = "flow-shared-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly Uri Url = new("https://alignment.example/api/webhooks/salesforce");
    private static readonly SalesforceWebhookParser Parser =
        new(Options.Create(new SalesforceOptions { OrganizationId = OrgId, FlowSecret = Secret }), NullLogger<SalesforceWebhookParser>.Instance);

    [Fact]
    public void Parse_DeeplyNestedBody_Is400AtTheDepthLimit()
    {
        var body = string.Concat(Enumerable.Repeat("<a>", 200_000)) + string.Concat(Enumerable.Repeat("</a>", 200_000));

        var result = Parser.Parse(Xml(body), Now);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("deeper than 12 levels", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedInsideTheNotification_Is400()
    {
        var nested = string.Concat(Enumerable.Repeat("<x>", 50)) + string.Concat(Enumerable.Repeat("</x>", 50));

        var result = Parser.Parse(Xml(Soap(OrgId, ("04l5e000000AAAAAA1", "001A000001abcDEAAA")).Replace("<sf:Name>", nested + "<sf:Name>", StringComparison.Ordinal)), Now);

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public void Parse_TooManyElements_Is400NamingTheLimit()
    {
        var body = Soap(OrgId, ("04l5e000000AAAAAA1", "001A000001abcDEAAA"))
            .Replace("<sf:Name>", string.Concat(Enumerable.Repeat("<sf:F/>", 100_001)) + "<sf:Name>", StringComparison.Ordinal);

        var result = Parser.Parse(Xml(body), Now);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("100000 elements", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnotherOrgFollowedByMalformedXml_Is403BeforeReadingTheRest()
    {
        // The org id is compared as soon as its element ends: what follows (here not even well-formed) is never read.
        var body = Soap("00D5e000000ZZZZEAF", ("04l5e000000AAAAAA1", "001A000001abcDEAAA")).Replace("</notifications>", "<<<", StringComparison.Ordinal);

        Assert.Equal(403, Parser.Parse(Xml(body), Now).StatusCode);
    }

    [Fact]
    public void Parse_NotificationBeforeOrganizationId_Is403()
    {
        var body = """<Envelope><Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><Notification><Id>04l5e000000AAAAAA1</Id></Notification><OrganizationId>00D5e000000AbCdEAF</OrganizationId></notifications></Body></Envelope>""";

        Assert.Equal(403, Parser.Parse(Xml(body), Now).StatusCode);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>""")]
    [InlineData("""<notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>&undefined;</OrganizationId></notifications>""")]
    public void Parse_DtdOrEntities_Is400(string body) => Assert.Equal(400, Parser.Parse(Xml(body), Now).StatusCode);

    [Theory]
    [InlineData(500)]
    [InlineData(4096)]
    public void Parse_LongNotificationId_AcceptedUnderABoundedStableKey(int length)
    {
        var id = new string('x', length - 1) + "/";
        var body = Soap(OrgId, (id, "001A000001abcDEAAA"));

        var first = Parser.Parse(Xml(body), Now);
        var again = Parser.Parse(Xml(body), Now.AddHours(1));

        var item = Assert.Single(first.Items);
        Assert.True(item.EventId.Length <= InboxKey.MaxLength, item.EventId);
        Assert.StartsWith("salesforce:sha256:", item.EventId, StringComparison.Ordinal);
        Assert.Equal(item.EventId, Assert.Single(again.Items).EventId);
    }

    [Fact]
    public void Parse_NotificationIdOverTheLimit_Is400NamingIt()
    {
        var result = Parser.Parse(Xml(Soap(OrgId, (new string('x', 4097), "001A000001abcDEAAA"))), Now);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("4096", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("300000000000")]
    [InlineData("253402300800")]
    [InlineData("999999999999")]
    [InlineData("9223372036854775807")]
    public void Parse_FlowTimestampBeyondTheCalendar_Is401(string timestamp)
    {
        var body = """{"eventId":"e1","accountIds":["001A000001abcDEAAA"]}""";

        var result = Parser.Parse(Flow(body, timestamp), Now);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-6)]
    [InlineData(525_600)]
    public void Parse_FlowTimestampOutsideTheWindowEitherWay_Is401(int minutes)
    {
        var ts = Now.AddMinutes(minutes).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        Assert.Equal(401, Parser.Parse(Flow("""{"eventId":"e1","accountIds":["001A000001abcDEAAA"]}""", ts), Now).StatusCode);
    }

    [Fact]
    public void Parse_SignedFlowEventIdOfPercentSigns_AcceptedUnderABoundedStableKey()
    {
        var body = $$"""{"eventId":"{{new string('%', 200)}}","accountIds":["001A000001abcDEAAA"]}""";

        var result = Parser.Parse(Flow(body, Seconds(Now)), Now);

        Assert.Equal(200, result.StatusCode);
        var item = Assert.Single(result.Items);
        Assert.True(item.EventId.Length <= InboxKey.MaxLength);
        Assert.DoesNotContain('%', item.EventId);
        Assert.Equal(item.EventId, Assert.Single(Parser.Parse(Flow(body, Seconds(Now)), Now).Items).EventId);
    }

    [Theory]
    [InlineData(2_000, 4)]
    [InlineData(5_000, 10)]
    public void Parse_SignedFlowWithThousandsOfIds_SplitIntoPartsHoldingEveryId(int count, int parts)
    {
        var ids = Enumerable.Range(0, count).Select(i => "001A00000" + i.ToString("D6", CultureInfo.InvariantCulture) + "AAA").ToList();
        var body = $$"""{"eventId":"bulk-1","accountIds":[{{string.Join(",", ids.Select(i => "\"" + i + "\""))}}]}""";

        var result = Parser.Parse(Flow(body, Seconds(Now)), Now);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(parts, result.Items.Count);
        Assert.All(result.Items, i => Assert.True(i.AccountIds.Count <= InboxItems.MaxAccountIdsPerItem));
        Assert.Equal(ids, result.Items.SelectMany(i => i.AccountIds));
        Assert.Equal(parts, result.Items.Select(i => i.EventId).Distinct().Count());
        Assert.Equal("salesforce:flow:bulk-1", result.Items[0].EventId);
        Assert.Equal("salesforce:flow:bulk-1~1", result.Items[1].EventId);
    }

    [Theory]
    [InlineData("""{"eventId":null,"accountIds":[null]}""")]
    [InlineData("""{"eventId":"e","accountIds":{}}""")]
    [InlineData("""{"eventId":["e"],"accountIds":["001A000001abcDEAAA"]}""")]
    [InlineData("""{"eventId":"e","accountIds":["001A000001abcDEAAA"]} trailing""")]
    [InlineData("""{"eventId":"\ud800","accountIds":["001A000001abcDEAAA"]}""")]
    [InlineData("""{"eventId":"e","accountIds":["\udc00"]}""")]
    public void Parse_SignedOddJson_Is400(string body) => Assert.Equal(400, Parser.Parse(Flow(body, Seconds(Now)), Now).StatusCode);

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Soap(string orgId, params (string NotificationId, string AccountId)[] notifications)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>");
        sb.Append("<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>").Append(orgId).Append("</OrganizationId>");
        foreach (var (nid, id) in notifications)
        {
            sb.Append("<Notification><Id>").Append(nid).Append("</Id><sObject xsi:type=\"sf:Account\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>")
                .Append(id).Append("</sf:Id><sf:Name>Acme</sf:Name></sObject></Notification>");
        }

        return sb.Append("</notifications></soapenv:Body></soapenv:Envelope>").ToString();
    }

    private static WebhookRequest Xml(string body) =>
        new("POST", Url, new Dictionary<string, string> { ["Content-Type"] = "text/xml" }, Encoding.UTF8.GetBytes(body));

    private static WebhookRequest Flow(string body, string timestamp)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new("POST", Url, new Dictionary<string, string>
        {
            ["X-Alignment-Timestamp"] = timestamp,
            ["X-Alignment-Signature"] = "sha256=" + Convert.ToHexStringLower(SalesforceWebhookParser.Sign(Secret, timestamp, bytes)),
        }, bytes);
    }
}
