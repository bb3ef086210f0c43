using Alignment.Sandbox.Slack;
using Alignment.Sync.Alerts;

namespace Alignment.Slack.Tests;

public sealed class SlackAlertChannelWebhookTests : IAsyncLifetime
{
    private SlackHarness _slack = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _slack = await SlackHarness.StartAsync(webhook: true);

    public ValueTask DisposeAsync() => _slack.DisposeAsync();

    [Fact]
    public async Task SendAsync_Breached_PostsBlocksToWebhookWithoutLookupOrMetadata()
    {
        await _slack.Channel.SendAsync(Alerts.Breached(), Ct);

        var message = Assert.Single(_slack.Sink.Messages);
        Assert.Equal("webhook", message.Via);
        Assert.Null(message.MetadataEventType);
        Assert.NotNull(message.BlocksJson);
        Assert.StartsWith("SLA breached: Acme &amp; Sons", message.Text, StringComparison.Ordinal);
        Assert.Equal(0, _slack.Sink.RequestCount("users.lookupByEmail"));
    }

    [Fact]
    public async Task SendAsync_EmailInUserMap_MentionsOwner()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["UserMap:ae@example.com"] = "U0MAPPED" }, webhook: true);

        await slack.Channel.SendAsync(Alerts.Breached(), Ct);

        Assert.Contains("<@U0MAPPED>", Assert.Single(slack.Sink.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WasDeliveredAsync_Webhook_CannotTell()
    {
        await _slack.Channel.SendAsync(Alerts.Breached(), Ct);

        Assert.Null(await _slack.Channel.WasDeliveredAsync(Alerts.Breached(), TimeProvider.System.GetUtcNow().AddHours(-1), Ct));
    }

    [Fact]
    public async Task SendAsync_ServerError_Transient()
    {
        _slack.Sink.InjectFault(SlackFault.ServerError("webhook"));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => _slack.Channel.SendAsync(Alerts.Breached(), Ct));

        Assert.True(error.Transient);
        Assert.False(error.MayHaveBeenDelivered);
        Assert.Empty(_slack.Sink.Messages);
    }

    [Theory]
    [InlineData(404, "channel_not_found")]
    [InlineData(410, "channel_is_archived")]
    [InlineData(403, "action_prohibited")]
    [InlineData(400, "invalid_payload")]
    public async Task SendAsync_PlainTextError_Permanent(int status, string text)
    {
        _slack.Sink.InjectFault(new SlackFault { Method = "webhook", StatusCode = status, ApiError = text });

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => _slack.Channel.SendAsync(Alerts.Breached(), Ct));

        Assert.False(error.Transient);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RateLimitedLongerThanMaxRetryAfter_TransientWithRetryAfter()
    {
        _slack.Sink.InjectFault(SlackFault.RateLimited(120, "webhook"));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => _slack.Channel.SendAsync(Alerts.Breached(), Ct));

        Assert.True(error.Transient);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal(1, _slack.Sink.RequestCount("webhook"));
    }

    [Fact]
    public async Task SendAsync_AnyOutcome_NeverLogsTheWebhookUrl()
    {
        await _slack.Channel.SendAsync(Alerts.Breached("k1"), Ct);
        _slack.Sink.InjectFault(SlackFault.Error("no_service", "webhook"));
        await Assert.ThrowsAsync<AlertDeliveryException>(() => _slack.Channel.SendAsync(Alerts.Breached("k2"), Ct));

        var logs = _slack.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, r => r.Message.Contains("sandboxsecret", StringComparison.Ordinal) || r.Message.Contains("/services/", StringComparison.Ordinal));
    }
}
