using System.Globalization;
using System.Text;
using Alignment.HubSpot.Webhooks;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Paths;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Tests.Webhooks;

public sealed class HubSpotWebhookParserTests
{
    private const string Secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private static readonly Uri Url = new("https://alignment.example.com/api/webhooks/hubspot?code=abc");
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static HubSpotWebhookParser Parser(params string[] versions)
    {
        var options = new HubSpotOptions { ClientSecret = Secret, AccessToken = "x", WebhookSignatureVersions = versions.Length == 0 ? ["v3"] : [.. versions] };
        return new HubSpotWebhookParser(new StaticMonitor(options), NullLogger<HubSpotWebhookParser>.Instance);
    }

    private static WebhookRequest SignedV3(string body, DateTimeOffset signedAt, string secret = Secret, string? bodyToSend = null)
    {
        var timestamp = signedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = HubSpotSignature.V3(secret, "POST", Url.AbsoluteUri, Encoding.UTF8.GetBytes(body), timestamp);
        return new WebhookRequest("POST", Url, new Dictionary<string, string>
        {
            ["X-HubSpot-Signature-v3"] = signature,
            ["x-hubspot-request-timestamp"] = timestamp,
        }, Encoding.UTF8.GetBytes(bodyToSend ?? body));
    }

    [Fact]
    public void Parse_ValidV3CompanyPropertyChange_AcceptsWithTheCompanyId()
    {
        const string body = """[{"eventId":101,"subscriptionId":5,"portalId":62515,"occurredAt":1763650000000,"subscriptionType":"company.propertyChange","attemptNumber":0,"objectId":512,"propertyName":"numberofemployees","propertyValue":"300","changeSource":"CRM_UI"}]""";

        var result = Parser().Parse(SignedV3(body, Now.AddMinutes(-1)), Now);

        Assert.True(result.Accepted);
        var item = Assert.Single(result.Items);
        Assert.Equal(("hubspot:101", "hubspot", "512", Now), (item.EventId, item.Source, Assert.Single(item.AccountIds), item.ReceivedAt));
    }

    [Fact]
    public void Parse_TamperedBody_Rejects401()
    {
        const string body = """[{"eventId":1,"subscriptionType":"company.creation","objectId":1}]""";

        var result = Parser().Parse(SignedV3(body, Now, bodyToSend: body.Replace("\"objectId\":1", "\"objectId\":2", StringComparison.Ordinal)), Now);

        Assert.Equal((false, 401), (result.Accepted, result.StatusCode));
    }

    [Fact]
    public void Parse_WrongSecret_Rejects401()
    {
        var result = Parser().Parse(SignedV3("[]", Now, secret: "another-secret"), Now);

        Assert.Equal((false, 401), (result.Accepted, result.StatusCode));
    }

    [Fact]
    public void Parse_TimestampOlderThanFiveMinutes_Rejects401()
    {
        var result = Parser().Parse(SignedV3("[]", Now.AddMinutes(-5).AddMilliseconds(-1)), Now);

        Assert.Equal((false, 401), (result.Accepted, result.StatusCode));
        Assert.Contains("older", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TimestampJustInsideTheWindow_Accepts()
    {
        Assert.True(Parser().Parse(SignedV3("[]", Now.AddMinutes(-5)), Now).Accepted);
    }

    [Fact]
    public void Parse_MissingSignatureHeader_Rejects401()
    {
        var request = new WebhookRequest("POST", Url, new Dictionary<string, string>(), "[]"u8.ToArray());

        var result = Parser().Parse(request, Now);

        Assert.Equal((false, 401), (result.Accepted, result.StatusCode));
    }

    [Fact]
    public void Parse_MissingTimestampHeader_Rejects401()
    {
        var signed = SignedV3("[]", Now);
        var request = signed with { Headers = signed.Headers.Where(h => h.Key != "x-hubspot-request-timestamp").ToDictionary() };

        Assert.Equal(401, Parser().Parse(request, Now).StatusCode);
    }

    [Fact]
    public void Parse_V1Signature_AcceptedOnlyWhenConfigured()
    {
        var body = SharedFixtures.ReadText("fixtures/hubspot-docs/webhook_payload_signature_test_body.json").TrimEnd('\n', '\r');
        var request = new WebhookRequest("POST", Url, new Dictionary<string, string>
        {
            ["X-HubSpot-Signature"] = "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de",
            ["X-HubSpot-Signature-Version"] = "v1",
        }, Encoding.UTF8.GetBytes(body));

        Assert.Equal(401, Parser().Parse(request, Now).StatusCode);
        var accepted = Parser("v1", "v3").Parse(request, Now);
        Assert.True(accepted.Accepted);
        Assert.Equal(["contacts:123"], Assert.Single(accepted.Items).AccountIds);
    }

    [Fact]
    public void Parse_DocsExampleWithEventType_YieldsContactReferences()
    {
        var body = SharedFixtures.ReadText("fixtures/hubspot-docs/webhook_payload_example.json");

        var result = Parser().Parse(SignedV3(body, Now), Now);

        Assert.True(result.Accepted);
        Assert.Equal(
            [("hubspot:3816279340", "contacts:1246965"), ("hubspot:3816279480", "contacts:1246978")],
            result.Items.Select(i => (i.EventId, Assert.Single(i.AccountIds))));
    }

    [Fact]
    public void Parse_AssociationEngagementMergeAndDuplicateEvents_MapsEachAndDeduplicates()
    {
        const string body = """
            [{"eventId":1,"subscriptionType":"company.associationChange","associationType":"COMPANY_TO_CONTACT","fromObjectId":11,"toObjectId":21},
             {"eventId":2,"subscriptionType":"contact.associationChange","associationType":"CONTACT_TO_COMPANY","fromObjectId":22,"toObjectId":12},
             {"eventId":3,"subscriptionType":"object.creation","objectTypeId":"0-47","objectId":31},
             {"eventId":4,"subscriptionType":"company.merge","objectId":13,"primaryObjectId":13,"mergedObjectIds":[14],"newObjectId":15},
             {"eventId":5,"subscriptionType":"company.deletion","objectId":16},
             {"eventId":1,"subscriptionType":"company.associationChange","associationType":"COMPANY_TO_CONTACT","fromObjectId":11,"toObjectId":21}]
            """;

        var result = Parser().Parse(SignedV3(body, Now), Now);

        Assert.Equal(
            [("hubspot:1", "11"), ("hubspot:2", "12"), ("hubspot:3", "meetings:31"), ("hubspot:4", "15")],
            result.Items.Select(i => (i.EventId, Assert.Single(i.AccountIds))));
    }

    [Fact]
    public void Parse_BodyNotAnEventArray_Rejects400()
    {
        Assert.Equal(400, Parser().Parse(SignedV3("{\"not\":\"an array\"}", Now), Now).StatusCode);
    }

    private sealed class StaticMonitor(HubSpotOptions value) : IOptionsMonitor<HubSpotOptions>
    {
        public HubSpotOptions CurrentValue => value;

        public HubSpotOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HubSpotOptions, string?> listener) => null;
    }
}
