using System.Text;
using Alignment.Hosting.Webhooks;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Hosting.Tests.Webhooks;

/// <summary>The shared endpoint's own outcomes (the parsers' are tested in their projects, HTTP-level in Alignment.Cli.Tests).</summary>
public sealed class WebhookEndpointTests
{
    private static readonly Uri Url = new("http://127.0.0.1:7071/api/webhooks/test");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
    private readonly InMemoryWebhookInbox _inbox = new();

    [Fact]
    public async Task HandleAsync_Signed_StoredAnd200()
    {
        var answer = await Endpoint().HandleAsync("test", "POST", Url, Signed, null, Body("e1:001A"), TestContext.Current.CancellationToken);

        Assert.Equal((200, TestWebhookParser.Ack), (answer.StatusCode, answer.Body));
        Assert.Equal("test:e1", Assert.Single(_inbox.All).EventId);
    }

    [Fact]
    public async Task HandleAsync_InboxThrows_503WithRetryAfterAndNothingAcknowledged()
    {
        _inbox.BeforeAdd = _ => throw new IOException("storage down");

        var answer = await Endpoint().HandleAsync("test", "POST", Url, Signed, null, Body("e1:001A"), TestContext.Current.CancellationToken);

        Assert.Equal(503, answer.StatusCode);
        Assert.Equal(WebhookEndpoint.RetryAfterSeconds, answer.RetryAfterSeconds);
        Assert.Empty(_inbox.All);
    }

    [Fact]
    public async Task HandleAsync_DeclaredLengthOverTheLimit_413WithoutReading()
    {
        var body = new ThrowingStream();

        var answer = await Endpoint(maxBodyBytes: 10).HandleAsync("test", "POST", Url, Signed, 11, body, TestContext.Current.CancellationToken);

        Assert.Equal(413, answer.StatusCode);
        Assert.Contains("Alignment:Webhooks:MaxBodyBytes", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_BodyOverTheLimitWithoutLength_413()
    {
        var answer = await Endpoint(maxBodyBytes: 10).HandleAsync("test", "POST", Url, Signed, null, Body("e1:001A,e2:001B"), TestContext.Current.CancellationToken);

        Assert.Equal(413, answer.StatusCode);
        Assert.Empty(_inbox.All);
    }

    [Fact]
    public async Task HandleAsync_BodyBreaksOff_400()
    {
        var answer = await Endpoint().HandleAsync("test", "POST", Url, Signed, null, new ThrowingStream(), TestContext.Current.CancellationToken);

        Assert.Equal(400, answer.StatusCode);
    }

    [Theory]
    [InlineData("GET", "test", 405)]
    [InlineData("POST", "nope", 404)]
    public async Task HandleAsync_WrongMethodOrSource_DocumentedRefusal(string method, string source, int expected)
    {
        var answer = await Endpoint().HandleAsync(source, method, Url, Signed, null, Body("e1:001A"), TestContext.Current.CancellationToken);

        Assert.Equal(expected, answer.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_RepeatedHeader_ValuesJoined()
    {
        KeyValuePair<string, string>[] headers = [new("X-Test-Signature", TestWebhookParser.Secret), new("x-test-signature", "more")];

        var answer = await Endpoint().HandleAsync("test", "POST", Url, headers, null, Body("e1:001A"), TestContext.Current.CancellationToken);

        Assert.Equal(401, answer.StatusCode);
    }

    private static IEnumerable<KeyValuePair<string, string>> Signed => [new("X-Test-Signature", TestWebhookParser.Secret)];

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private WebhookEndpoint Endpoint(int maxBodyBytes = 4096)
    {
        var log = new WebhookRejectionLog(_time, NullLogger.Instance);
        var job = new WebhookIntakeJob([new TestWebhookParser("test")], _inbox, _time, NullLogger<WebhookIntakeJob>.Instance, log);
        return new WebhookEndpoint(job, Options.Create(new WebhookHostOptions { MaxBodyBytes = maxBodyBytes }), log);
    }

    private sealed class ThrowingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("The client went away.");
    }
}
