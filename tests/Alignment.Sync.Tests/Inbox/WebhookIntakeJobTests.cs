using System.Text;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Sync.Tests.Inbox;

public sealed class WebhookIntakeJobTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
    private readonly InMemoryWebhookInbox _inbox = new();

    [Fact]
    public async Task RunAsync_Accepted_StoresBeforeAcknowledging()
    {
        var parser = new TestWebhookParser("hubspot");
        var stored = -1;
        _inbox.BeforeAdd = _ => stored = _inbox.All.Count;
        var job = Job(parser);

        var result = await job.RunAsync(Request("hubspot", "e1:001A,e2:001B"), TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(TestWebhookParser.Ack, result.Body);
        Assert.Equal(2, result.Stored);
        Assert.Equal(0, stored);
        Assert.Equal(["hubspot:e1", "hubspot:e2"], _inbox.All.Select(i => i.EventId));
    }

    [Fact]
    public async Task RunAsync_Redelivery_SkipsDuplicatesAndStillAcks()
    {
        var job = Job(new TestWebhookParser("hubspot"));
        await job.RunAsync(Request("hubspot", "e1:001A"), TestContext.Current.CancellationToken);

        var result = await job.RunAsync(Request("hubspot", "e1:001A,e3:001C"), TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(1, result.Stored);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(2, _inbox.All.Count);
    }

    [Fact]
    public async Task RunAsync_ParserRejects_ReturnsStatusAndStoresNothing()
    {
        var job = Job(new TestWebhookParser("hubspot"));

        var result = await job.RunAsync(Request("hubspot", "e1:001A", signature: "bad"), TestContext.Current.CancellationToken);

        Assert.Equal(401, result.StatusCode);
        Assert.False(result.Accepted);
        Assert.NotNull(result.Problem);
        Assert.Empty(_inbox.All);
    }

    [Fact]
    public async Task RunAsync_UnknownSource_Returns404()
    {
        var job = Job(new TestWebhookParser("hubspot"));

        var result = await job.RunAsync(Request("salesforce", "e1:001A"), TestContext.Current.CancellationToken);

        Assert.Equal(404, result.StatusCode);
        Assert.Empty(_inbox.All);
    }

    [Fact]
    public async Task RunAsync_PicksParserBySourceCaseInsensitively()
    {
        var job = Job(new TestWebhookParser("hubspot"), new TestWebhookParser("salesforce"));

        await job.RunAsync(Request("Salesforce", "e1:001A"), TestContext.Current.CancellationToken);

        Assert.Equal("salesforce:e1", Assert.Single(_inbox.All).EventId);
    }

    [Fact]
    public async Task RunAsync_InboxDown_ThrowsSoTheSenderRedelivers()
    {
        _inbox.BeforeAdd = _ => throw new InvalidOperationException("storage down");
        var job = Job(new TestWebhookParser("hubspot"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync(Request("hubspot", "e1:001A"), TestContext.Current.CancellationToken));
    }

    private WebhookIntakeJob Job(params IWebhookParser[] parsers) =>
        new(parsers, _inbox, _time, NullLogger<WebhookIntakeJob>.Instance);

    private static WebhookIntakeRequest Request(string source, string body, string signature = TestWebhookParser.Secret) =>
        new(source, new WebhookRequest("POST", new Uri("https://example.test/api/webhooks/" + source),
            new Dictionary<string, string> { ["X-Test-Signature"] = signature }, Encoding.UTF8.GetBytes(body)));
}
