using System.Net;
using System.Text;
using Alignment.Functions.Triggers;
using Alignment.Hosting.Webhooks;
using Alignment.Salesforce.Webhooks;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Fakes;
using Azure;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alignment.Functions.Tests.Triggers;

/// <summary>
/// Both webhook functions pass the delivery (method, public URL, headers, raw body bytes) with their source to
/// <see cref="WebhookIntakeJob"/>, and answer each outcome as docs/functions.md says: accepted and duplicate 200 with
/// the parser's acknowledgement, bad signature 401, bad body 400, too large 413 (the job not called), storage down
/// 503 with Retry-After (nothing acknowledged; the sender redelivers).
/// </summary>
public sealed class WebhookFunctionTests
{
    private const string FunctionUrl = "http://127.0.0.1:7071/api/webhooks/{0}?code=function-key";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly Mock<IWebhookParser> _parser = new(MockBehavior.Strict);
    private readonly Mock<IWebhookInbox> _inbox = new(MockBehavior.Strict);
    private readonly WebhookHostOptions _hostOptions = new() { MaxBodyBytes = 64 };
    private WebhookRequest? _parsed;

    public static TheoryData<string> Sources => ["hubspot", "salesforce"];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task RunAsync_AcceptedDelivery_PassesTheDeliveryToTheJobAndAnswersTheAck(string source)
    {
        Parses(source, WebhookParseResult.Accept([Item(source, "e1")], "ack-body", "application/json"));
        _inbox.Setup(i => i.AddAsync(It.Is<IReadOnlyCollection<InboxItem>>(items => items.Single().EventId == source + ":e1"), It.IsAny<CancellationToken>())).ReturnsAsync(1);
        using var trigger = HttpTrigger.Post(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, FunctionUrl, source),
            "{\"e\":1}",
            new Dictionary<string, string> { ["X-Signature"] = "sig", ["X-Forwarded-Host"] = "alignment.example.com", ["X-Forwarded-Proto"] = "https" });

        await RunAsync(source, trigger);

        Assert.Equal(HttpStatusCode.OK, trigger.Response.StatusCode);
        Assert.Equal("ack-body", trigger.ResponseBody);
        Assert.Equal("application/json", trigger.ResponseContentType);
        Assert.NotNull(_parsed);
        Assert.Equal("POST", _parsed.Method);
        Assert.Equal(new Uri("https://alignment.example.com/api/webhooks/" + source + "?code=function-key"), _parsed.Url);
        Assert.Equal("sig", _parsed.Header("x-signature"));
        Assert.Equal("{\"e\":1}", Encoding.UTF8.GetString(_parsed.Body.Span));
        _inbox.VerifyAll();
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task RunAsync_Redelivery_AnswersTheSameAckAndStoresNothingNew(string source)
    {
        Parses(source, WebhookParseResult.Accept([Item(source, "e1")], "ack-body", "text/xml"));
        _inbox.Setup(i => i.AddAsync(It.IsAny<IReadOnlyCollection<InboxItem>>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);
        using var trigger = HttpTrigger.Post(Url(source), "{}");

        await RunAsync(source, trigger);

        Assert.Equal(HttpStatusCode.OK, trigger.Response.StatusCode);
        Assert.Equal("ack-body", trigger.ResponseBody);
        Assert.Equal("text/xml", trigger.ResponseContentType);
    }

    [Theory]
    [InlineData("hubspot", 401, "The signature does not match.")]
    [InlineData("salesforce", 401, "The X-Alignment-Signature signature does not match.")]
    [InlineData("salesforce", 403, "The OrganizationId does not match Alignment:Salesforce:OrganizationId.")]
    [InlineData("hubspot", 400, "The body is not a JSON array of HubSpot webhook events.")]
    [InlineData("salesforce", 400, "The Outbound Message is not well-formed XML.")]
    public async Task RunAsync_RejectedDelivery_AnswersTheStatusAndProblemAndStoresNothing(string source, int status, string problem)
    {
        Parses(source, WebhookParseResult.Reject(status, problem));
        using var trigger = HttpTrigger.Post(Url(source), "junk");

        await RunAsync(source, trigger);

        Assert.Equal((HttpStatusCode)status, trigger.Response.StatusCode);
        Assert.Equal(problem, trigger.ResponseBody);
        Assert.Equal("text/plain", trigger.ResponseContentType);
        _inbox.Verify(i => i.AddAsync(It.IsAny<IReadOnlyCollection<InboxItem>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task RunAsync_BodyOverTheLimit_Answers413WithoutCallingTheJob(string source)
    {
        _parser.Setup(p => p.Source).Returns(source);
        using var trigger = HttpTrigger.Post(Url(source), new string('x', _hostOptions.MaxBodyBytes + 1));

        await RunAsync(source, trigger);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, trigger.Response.StatusCode);
        Assert.Equal("The body is larger than 64 bytes (Alignment:Webhooks:MaxBodyBytes).", trigger.ResponseBody);
        _parser.Verify(p => p.Parse(It.IsAny<WebhookRequest>(), It.IsAny<DateTimeOffset>()), Times.Never);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task RunAsync_InboxStorageDown_Answers503WithRetryAfterSoTheSenderRedelivers(string source)
    {
        Parses(source, WebhookParseResult.Accept([Item(source, "e1")], "ack-body"));
        _inbox.Setup(i => i.AddAsync(It.IsAny<IReadOnlyCollection<InboxItem>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(503, "Service unavailable"));
        using var trigger = HttpTrigger.Post(Url(source), "{}");

        await RunAsync(source, trigger);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, trigger.Response.StatusCode);
        Assert.DoesNotContain("ack-body", trigger.ResponseBody, StringComparison.Ordinal);
        Assert.True(trigger.Response.Headers.TryGetValues("Retry-After", out var retryAfter));
        Assert.True(int.Parse(Assert.Single(retryAfter), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task SalesforceWebhook_OutboundMessage_AnswersTheSoapAck()
    {
        const string organizationId = "00D000000000000EAA";
        var body = $"""
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
            <notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>{organizationId}</OrganizationId>
            <Notification><Id>04l000000000001AAA</Id><sObject xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="sf:Account" xmlns:sf="urn:sobject.enterprise.soap.sforce.com"><sf:Id>001000000000001AAA</sf:Id></sObject></Notification>
            </notifications></soapenv:Body></soapenv:Envelope>
            """;
        var salesforce = new SalesforceWebhookParser(
            Options.Create(new Alignment.Salesforce.Configuration.SalesforceOptions { OrganizationId = organizationId }),
            NullLogger<SalesforceWebhookParser>.Instance);
        var store = new InMemoryWebhookInbox();
        var job = new WebhookIntakeJob([salesforce], store, new FakeTimeProvider(Now), NullLogger<WebhookIntakeJob>.Instance);
        using var trigger = HttpTrigger.Post(Url("salesforce"), body, new Dictionary<string, string> { ["Content-Type"] = "text/xml; charset=utf-8" });

        await new SalesforceWebhookFunction(Endpoint(job, new WebhookHostOptions())).RunAsync(trigger.Request.Object, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, trigger.Response.StatusCode);
        Assert.Equal(SalesforceWebhookParser.OutboundMessageAck, trigger.ResponseBody);
        Assert.Equal("text/xml", trigger.ResponseContentType);
        var stored = await store.GetAsync("salesforce:04l000000000001AAA", CancellationToken.None);
        Assert.Equal(["001000000000001AAA"], stored!.Value.AccountIds);
    }

    private static WebhookEndpoint Endpoint(WebhookIntakeJob job, WebhookHostOptions options) =>
        new(job, Options.Create(options), new WebhookRejectionLog(new FakeTimeProvider(Now), NullLogger.Instance));

    private static string Url(string source) => string.Format(System.Globalization.CultureInfo.InvariantCulture, FunctionUrl, source);

    private static InboxItem Item(string source, string id) =>
        new() { EventId = source + ":" + id, Source = source, AccountIds = ["001A"], ReceivedAt = Now };

    private void Parses(string source, WebhookParseResult result)
    {
        _parser.Setup(p => p.Source).Returns(source);
        _parser.Setup(p => p.Parse(It.IsAny<WebhookRequest>(), Now)).Callback<WebhookRequest, DateTimeOffset>((r, _) => _parsed = r).Returns(result);
    }

    /// <summary>Runs the function of <paramref name="source"/> as the worker would, over a job that knows only that source's parser.</summary>
    private async Task RunAsync(string source, HttpTrigger trigger)
    {
        var job = new WebhookIntakeJob([_parser.Object], _inbox.Object, new FakeTimeProvider(Now), NullLogger<WebhookIntakeJob>.Instance);
        var endpoint = Endpoint(job, _hostOptions);
        HttpResponseData response = source == "hubspot"
            ? await new HubSpotWebhookFunction(endpoint).RunAsync(trigger.Request.Object, CancellationToken.None)
            : await new SalesforceWebhookFunction(endpoint).RunAsync(trigger.Request.Object, CancellationToken.None);
        Assert.Same(trigger.Response, response);
    }
}
