using System.Globalization;
using System.Text;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Webhooks;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Webhooks;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Tests.Webhooks;

/// <summary>Property-based fuzzing: whatever the bytes and headers, the parser and the signature check answer, never throw.</summary>
public sealed class SalesforceWebhookFuzzTests
{
    private const string OrgId = "00D5e000000AbCdEAF";
    private const string Secret = "flow-shared-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly Uri Url = new("https://alignment.example/api/webhooks/salesforce");
    private static readonly int[] Documented = [200, 400, 401, 403, 405];
    private static readonly SalesforceWebhookParser Parser =
        new(Options.Create(new SalesforceOptions { OrganizationId = OrgId, FlowSecret = Secret }), NullLogger<SalesforceWebhookParser>.Instance);

    private static readonly string[] Seeds =
    [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
            + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>" + OrgId + "</OrganizationId><ActionId>04k5e000000AbCdAAK</ActionId>"
            + "<Notification><Id>04l5e000000AAAAAA1</Id><sObject xsi:type=\"sf:Task\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>00T5e000000AAAAAA1</sf:Id>"
            + "<sf:WhatId>001A000001abcDEAAA</sf:WhatId></sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>",
        """{"eventId":"evt-1","accountIds":["001A000001abcDEAAA","001A000001xyzDEAAA"]}""",
    ];

    [Fact]
    public void Parse_ArbitraryBytesAndHeaders_NeverThrowsAndAnswersADocumentedStatus()
    {
        var requests =
            from body in WebhookFuzz.Bodies(Seeds)
            from headers in WebhookFuzz.Headers(SalesforceWebhookParser.TimestampHeader, SalesforceWebhookParser.SignatureHeader)
            from method in Gen.Frequency((9, Gen.Constant("POST")), (1, Gen.Elements("GET", "PUT", "post", "")))
            select new WebhookRequest(method, Url, headers, body);

        Prop.ForAll(requests.ToArbitrary(), request => Answers(request))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    [Fact]
    public void Parse_ValidlySignedArbitraryBodies_AreAcceptedOrRefusedWith400()
    {
        // Signed with the right secret and a fresh timestamp: only the payload can be wrong, so only 200 or 400.
        var requests = WebhookFuzz.Bodies(Seeds[1]).Select(body =>
        {
            var ts = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var braced = body.Length > 0 && body[0] == (byte)'{' ? body : [(byte)'{', .. body];
            return new WebhookRequest("POST", Url, new Dictionary<string, string>
            {
                [SalesforceWebhookParser.TimestampHeader] = ts,
                [SalesforceWebhookParser.SignatureHeader] = "sha256=" + Convert.ToHexStringLower(SalesforceWebhookParser.Sign(Secret, ts, braced)),
            }, braced);
        });

        Prop.ForAll(requests.ToArbitrary(), request =>
        {
            var result = Parser.Parse(request, Now);
            return result.StatusCode is 200 or 400
                && result.Items.All(i => i.EventId.Length <= InboxKey.MaxLength && i.AccountIds.Count <= InboxItems.MaxAccountIdsPerItem);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    [Fact]
    public void SignatureMatches_ArbitraryHeaderTimestampAndBody_NeverThrows()
    {
        var cases =
            from header in Gen.OneOf(WebhookFuzz.HeaderValues, WebhookFuzz.HeaderValues.Select(v => "sha256=" + v))
            from timestamp in WebhookFuzz.HeaderValues
            from body in WebhookFuzz.Bodies(Seeds)
            select (header, timestamp, body);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var matches = SalesforceWebhookParser.SignatureMatches(c.header, Secret, c.timestamp, c.body);
            var right = "sha256=" + Convert.ToHexStringLower(SalesforceWebhookParser.Sign(Secret, c.timestamp, c.body));
            return !matches && SalesforceWebhookParser.SignatureMatches(right, Secret, c.timestamp, c.body);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    private static bool Answers(WebhookRequest request)
    {
        var result = Parser.Parse(request, Now);
        return Documented.Contains(result.StatusCode)
            && (result.Accepted == (result.StatusCode == 200))
            && (result.Accepted || !string.IsNullOrEmpty(result.Problem))
            && result.Items.All(i => i.EventId.Length <= InboxKey.MaxLength && i.AccountIds.Count <= InboxItems.MaxAccountIdsPerItem);
    }
}
