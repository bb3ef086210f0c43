using System.Globalization;
using System.Text;
using Alignment.HubSpot.Webhooks;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Webhooks;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Tests.Webhooks;

/// <summary>Hostile and odd HubSpot deliveries, and property-based fuzzing of the parser and the v3 signature check.</summary>
public sealed class HubSpotWebhookHardeningTests
{
    private const string Secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private const string Event = """[{"eventId":101,"subscriptionType":"company.propertyChange","objectId":512}]""";
    private static readonly Uri Url = new("https://alignment.example.com/api/webhooks/hubspot?code=abc");
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly HubSpotWebhookParser Parser = new(
        new Monitor(new HubSpotOptions { ClientSecret = Secret, AccessToken = "x", WebhookSignatureVersions = ["v3", "v2", "v1"] }),
        NullLogger<HubSpotWebhookParser>.Instance);

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("-99999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("253402300800000")]
    public void Parse_TimestampBeyondTheCalendar_Is401WhateverTheSignature(string timestamp)
    {
        Assert.Equal(401, Parser.Parse(Signed(Event, timestamp), Now).StatusCode);
        Assert.Equal(401, Parser.Parse(Signed(Event, timestamp, signature: "junk"), Now).StatusCode);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(60 * 24 * 365)]
    [InlineData(-6)]
    public void Parse_TimestampOutsideTheWindowEitherWay_Is401(int minutes)
    {
        var result = Parser.Parse(Signed(Event, Ms(Now.AddMinutes(minutes))), Now);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("replay window", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-4)]
    public void Parse_TimestampWithinTheSkewEitherWay_Accepted(int minutes) =>
        Assert.Equal(200, Parser.Parse(Signed(Event, Ms(Now.AddMinutes(minutes))), Now).StatusCode);

    [Theory]
    [InlineData("[null]")]
    [InlineData("""[{"eventId":1,"subscriptionType":"company.creation","objectId":1},null]""")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("""[{"eventId":1e400}]""")]
    [InlineData("""[{"eventId":99999999999999999999}]""")]
    [InlineData("""[{"eventId":1,"subscriptionType":"\ud800","objectId":1}]""")]
    [InlineData("""[{"subscriptionType":"company.creation","objectId":1}]""")]
    public void Parse_ValidlySignedOddJson_Is400(string body)
    {
        var result = Parser.Parse(Signed(body, Ms(Now)), Now);

        Assert.Equal(400, result.StatusCode);
        Assert.False(string.IsNullOrEmpty(result.Problem));
    }

    [Fact]
    public void Parse_MoreEventsThanTheLimit_Is400NamingIt()
    {
        var body = "[" + string.Join(",", Enumerable.Range(1, HubSpotWebhookParser.MaxEventsPerDelivery + 1)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $$"""{"eventId":{{i}},"subscriptionType":"company.creation","objectId":{{i}}}"""))) + "]";

        var result = Parser.Parse(Signed(body, Ms(Now)), Now);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("1000", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArbitraryBytesAndHeaders_NeverThrowsAndAnswersADocumentedStatus()
    {
        var requests =
            from body in WebhookFuzz.Bodies(Event, """[{"eventId":7,"subscriptionType":"contact.associationChange","associationType":"CONTACT_TO_COMPANY","fromObjectId":1,"toObjectId":2}]""")
            from headers in WebhookFuzz.Headers("X-HubSpot-Signature-v3", "X-HubSpot-Request-Timestamp", "X-HubSpot-Signature", "X-HubSpot-Signature-Version")
            select new WebhookRequest("POST", Url, headers, body);

        Prop.ForAll(requests.ToArbitrary(), request =>
        {
            var result = Parser.Parse(request, Now);
            return result.StatusCode is 200 or 400 or 401 && result.Accepted == (result.StatusCode == 200);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    [Fact]
    public void Parse_ValidlySignedArbitraryBodies_AreAcceptedOrRefusedWith400()
    {
        var requests = WebhookFuzz.Bodies(Event, "[]", """[{"eventId":5,"subscriptionType":"object.merge","objectTypeId":"0-2","primaryObjectId":9,"newObjectId":10}]""")
            .Select(body => Signed(body, Ms(Now)));

        Prop.ForAll(requests.ToArbitrary(), request =>
        {
            var result = Parser.Parse(request, Now);
            return result.StatusCode is 200 or 400 && result.Items.All(i => i.EventId.Length <= InboxKey.MaxLength);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    [Fact]
    public void SignatureV3_ArbitraryMethodUriBodyAndTimestamp_NeverThrowsAndOnlyTheRightOneMatches()
    {
        var cases =
            from method in Gen.Elements("POST", "GET", "", "💥")
            from path in WebhookFuzz.HeaderValues
            from body in WebhookFuzz.Bodies(Event)
            from timestamp in WebhookFuzz.HeaderValues
            from given in WebhookFuzz.HeaderValues
            select (method, uri: "https://alignment.example.com/api/" + Uri.EscapeDataString(path) + "?q=%3A%2F" + path.Length, body, timestamp, given);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var expected = HubSpotSignature.V3(Secret, c.method, c.uri, c.body, c.timestamp);
            return HubSpotSignature.Matches(expected, expected) && !HubSpotSignature.Matches(expected, c.given)
                && !HubSpotSignature.Matches(expected, null);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static WebhookRequest Signed(string body, string timestamp, string? signature = null) => Signed(Encoding.UTF8.GetBytes(body), timestamp, signature);

    private static WebhookRequest Signed(byte[] body, string timestamp, string? signature = null) =>
        new("POST", Url, new Dictionary<string, string>
        {
            ["X-HubSpot-Signature-v3"] = signature ?? HubSpotSignature.V3(Secret, "POST", Url.AbsoluteUri, body, timestamp),
            ["X-HubSpot-Request-Timestamp"] = timestamp,
        }, body);

    private sealed class Monitor(HubSpotOptions value) : IOptionsMonitor<HubSpotOptions>
    {
        public HubSpotOptions CurrentValue => value;

        public HubSpotOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HubSpotOptions, string?> listener) => null;
    }
}
