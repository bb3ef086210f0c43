using System.Globalization;
using System.Text;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Webhooks;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Tests.Webhooks;

public sealed class SalesforceWebhookParserTests
{
    private const string OrgId = "00D5e000000AbCdEAF";
    private const string Secret = "flow-shared-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly Uri Url = new("https://alignment.example/api/webhooks/salesforce");

    private static SalesforceWebhookParser Parser(string? orgId = OrgId, string? secret = Secret) =>
        new(Options.Create(new SalesforceOptions { OrganizationId = orgId, FlowSecret = secret }), NullLogger<SalesforceWebhookParser>.Instance);

    private static string Soap(string orgId, params (string NotificationId, string Type, string Field, string Id)[] notifications)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>");
        sb.Append("<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>").Append(orgId).Append("</OrganizationId><ActionId>04k5e000000AbCdAAK</ActionId>");
        sb.Append("<SessionId xsi:nil=\"true\"/><EnterpriseUrl>https://x.my.salesforce.com/services/Soap/c/66.0/00D5e000000AbCd</EnterpriseUrl><PartnerUrl>https://x.my.salesforce.com/services/Soap/u/66.0/00D5e000000AbCd</PartnerUrl>");
        foreach (var (nid, type, field, id) in notifications)
        {
            sb.Append("<Notification><Id>").Append(nid).Append("</Id><sObject xsi:type=\"sf:").Append(type).Append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:")
                .Append(field).Append('>').Append(id).Append("</sf:").Append(field).Append("><sf:Name>Acme</sf:Name></sObject></Notification>");
        }

        sb.Append("</notifications></soapenv:Body></soapenv:Envelope>");
        return sb.ToString();
    }

    private static WebhookRequest Request(string body, Dictionary<string, string>? headers = null, string method = "POST") =>
        new(method, Url, headers ?? new Dictionary<string, string> { ["Content-Type"] = "text/xml; charset=utf-8" }, Encoding.UTF8.GetBytes(body));

    private static WebhookRequest Flow(string body, DateTimeOffset signedAt, string secret = Secret, string? signatureOverride = null)
    {
        var ts = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = signatureOverride ?? "sha256=" + Convert.ToHexStringLower(SalesforceWebhookParser.Sign(secret, ts, Encoding.UTF8.GetBytes(body)));
        return Request(body, new Dictionary<string, string>
        {
            ["content-type"] = "application/json",
            ["x-alignment-timestamp"] = ts,
            ["x-alignment-signature"] = signature,
        });
    }

    [Fact]
    public void Parse_OutboundMessage_ReturnsOneItemPerNotificationAndTheExactAck()
    {
        var body = Soap(OrgId, ("04l5e000000AAAAAA1", "Account", "Id", "001A000001abcDEAAA"), ("04l5e000000AAAAAA2", "Task", "AccountId", "001A000001xyzDEAAA"));

        var result = Parser().Parse(Request(body), Now);

        Assert.True(result.Accepted);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(["salesforce:04l5e000000AAAAAA1", "salesforce:04l5e000000AAAAAA2"], result.Items.Select(i => i.EventId));
        Assert.Equal(["001A000001abcDEAAA", "001A000001xyzDEAAA"], result.Items.SelectMany(i => i.AccountIds));
        Assert.All(result.Items, i => Assert.Equal(("salesforce", Now), (i.Source, i.ReceivedAt)));
        Assert.Equal(
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack></notificationsResponse></soapenv:Body></soapenv:Envelope>",
            result.AckBody);
        Assert.Equal("text/xml", result.AckContentType);
    }

    [Fact]
    public void Parse_OutboundMessageFifteenCharacterOrgId_MatchesTheEighteenCharacterSetting()
    {
        var result = Parser().Parse(Request(Soap(OrgId[..15], ("04l5e000000AAAAAA1", "Account", "Id", "001A000001abcDEAAA"))), Now);

        Assert.True(result.Accepted);
    }

    [Theory]
    [InlineData("00D5e000000ZZZZEAF")]
    [InlineData("")]
    public void Parse_OutboundMessageFromAnotherOrg_Is403(string orgId)
    {
        var result = Parser().Parse(Request(Soap(orgId, ("04l5e000000AAAAAA1", "Account", "Id", "001A000001abcDEAAA"))), Now);

        Assert.Equal((false, 403), (result.Accepted, result.StatusCode));
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Parse_OrganizationIdNotConfigured_Is403()
    {
        var result = Parser(orgId: null).Parse(Request(Soap(OrgId, ("04l5e000000AAAAAA1", "Account", "Id", "001A000001abcDEAAA"))), Now);

        Assert.Equal(403, result.StatusCode);
    }

    [Theory]
    [InlineData("<soapenv:Envelope><unclosed>")]
    [InlineData("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body/></soapenv:Envelope>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")]
    [InlineData("not xml or json")]
    [InlineData("")]
    public void Parse_MalformedBody_Is400(string body)
    {
        var result = Parser().Parse(Request(body), Now);

        Assert.Equal((false, 400), (result.Accepted, result.StatusCode));
    }

    [Fact]
    public void Parse_NotificationWithoutId_Is400()
    {
        var body = Soap(OrgId, ("04l5e000000AAAAAA1", "Account", "Id", "001A000001abcDEAAA")).Replace("<Id>04l5e000000AAAAAA1</Id>", "", StringComparison.Ordinal);

        Assert.Equal(400, Parser().Parse(Request(body), Now).StatusCode);
    }

    [Fact]
    public void Parse_GetRequest_IsRefused() => Assert.False(Parser().Parse(Request("", method: "GET"), Now).Accepted);

    [Fact]
    public void Parse_SignedFlowCallout_ReturnsTheItemKeyedByEventId()
    {
        var body = "{\"eventId\":\"0Fa5e000001\",\"accountIds\":[\"001A000001abcDEAAA\",\"001A000001abcDE\"]}";

        var result = Parser().Parse(Flow(body, Now.AddMinutes(-4)), Now);

        Assert.True(result.Accepted);
        var item = Assert.Single(result.Items);
        Assert.Equal("salesforce:flow:0Fa5e000001", item.EventId);
        Assert.Equal(["001A000001abcDEAAA", "001A000001abcDE"], item.AccountIds);
        Assert.Equal("application/json", result.AckContentType);
    }

    [Fact]
    public void Parse_FlowCalloutWithWrongSecret_Is401()
    {
        var body = "{\"eventId\":\"e1\",\"accountIds\":[\"001A000001abcDEAAA\"]}";

        var result = Parser().Parse(Flow(body, Now, secret: "another-secret"), Now);

        Assert.Equal((false, 401), (result.Accepted, result.StatusCode));
        Assert.DoesNotContain(Secret, result.Problem!, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FlowCalloutWithTamperedBody_Is401()
    {
        var signed = Flow("{\"eventId\":\"e1\",\"accountIds\":[\"001A000001abcDEAAA\"]}", Now);
        var tampered = signed with { Body = Encoding.UTF8.GetBytes("{\"eventId\":\"e1\",\"accountIds\":[\"001A000001zzzDEAAA\"]}") };

        Assert.Equal(401, Parser().Parse(tampered, Now).StatusCode);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void Parse_FlowCalloutOutsideFiveMinutes_Is401(int minutes)
    {
        var body = "{\"eventId\":\"e1\",\"accountIds\":[\"001A000001abcDEAAA\"]}";

        Assert.Equal(401, Parser().Parse(Flow(body, Now.AddMinutes(minutes)), Now).StatusCode);
    }

    [Theory]
    [InlineData("sha256=zz")]
    [InlineData("md5=abcd")]
    [InlineData("")]
    public void Parse_FlowCalloutWithMalformedSignature_Is401(string signature)
    {
        var body = "{\"eventId\":\"e1\",\"accountIds\":[\"001A000001abcDEAAA\"]}";

        Assert.Equal(401, Parser().Parse(Flow(body, Now, signatureOverride: signature), Now).StatusCode);
    }

    [Fact]
    public void Parse_FlowCalloutWithoutConfiguredSecret_Is401()
    {
        var body = "{\"eventId\":\"e1\",\"accountIds\":[\"001A000001abcDEAAA\"]}";

        Assert.Equal(401, Parser(secret: null).Parse(Flow(body, Now), Now).StatusCode);
    }

    [Theory]
    [InlineData("{\"accountIds\":[\"001A000001abcDEAAA\"]}")]
    [InlineData("{\"eventId\":\"e1\",\"accountIds\":[\"001' OR Id != '\"]}")]
    [InlineData("{\"eventId\":\"e1\"}")]
    [InlineData("{\"eventId\":\"e1\",")]
    public void Parse_SignedButInvalidFlowPayload_Is400(string body) => Assert.Equal(400, Parser().Parse(Flow(body, Now), Now).StatusCode);

    [Fact]
    public void Source_IsSalesforce() => Assert.Equal("salesforce", Parser().Source);
}
