using Alignment.Sandbox.Slack;
using Alignment.Sync.Alerts;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Slack.Tests;

/// <summary>Rate limits with a fake clock shared by the channel and the sink (message ReceivedAt is fake time).</summary>
public sealed class SlackAlertChannelTimingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_RateLimitedWithRetryAfter_WaitsThatLongThenDelivers()
    {
        await using var slack = await SlackHarness.StartAsync(time: new FakeTimeProvider(Start));
        slack.Sink.InjectFault(SlackFault.RateLimited(7, "chat.postMessage"));

        await slack.PumpAsync(slack.Channel.SendAsync(Alerts.Breached(), Ct), TimeSpan.FromMilliseconds(250));

        var message = Assert.Single(slack.Sink.Messages);
        Assert.Equal(2, slack.Sink.RequestCount("chat.postMessage"));
        Assert.True(message.ReceivedAt >= Start.AddSeconds(7), $"delivered at {message.ReceivedAt:O}, before Retry-After passed");
    }

    [Fact]
    public async Task SendAsync_RateLimitedMoreOftenThanRetries_ThrowsTransientWithRetryAfter()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["MaxRateLimitRetries"] = "1" }, time: new FakeTimeProvider(Start));
        slack.Sink.InjectFault(SlackFault.RateLimited(2, "chat.postMessage"), times: 2);

        var send = slack.Channel.SendAsync(Alerts.Breached(), Ct);
        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => slack.PumpAsync(send, TimeSpan.FromMilliseconds(250)));

        Assert.True(error.Transient);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
        Assert.Equal(2, slack.Sink.RequestCount("chat.postMessage"));
        Assert.Empty(slack.Sink.Messages);
    }

    [Fact]
    public async Task SendAsync_ThreeAlertsOneChannel_AtLeastOneSecondApart()
    {
        await using var slack = await SlackHarness.StartAsync(time: new FakeTimeProvider(Start));
        var sends = Enumerable.Range(0, 3).Select(i => slack.Channel.SendAsync(Alerts.Breached($"k{i}"), Ct)).ToList();

        await slack.PumpAsync(Task.WhenAll(sends), TimeSpan.FromMilliseconds(250));

        var times = slack.Sink.Messages.Select(m => m.ReceivedAt).Order().ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1), $"{times[0]:O} then {times[1]:O}");
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(1), $"{times[1]:O} then {times[2]:O}");
    }

    [Fact]
    public async Task SendAsync_AfterRateLimit_NextAlertToSameChannelAlsoWaits()
    {
        await using var slack = await SlackHarness.StartAsync(time: new FakeTimeProvider(Start));
        slack.Sink.InjectFault(SlackFault.RateLimited(5, "chat.postMessage"));
        await slack.PumpAsync(slack.Channel.SendAsync(Alerts.Breached("k1"), Ct), TimeSpan.FromMilliseconds(250));
        var firstAt = Assert.Single(slack.Sink.Messages).ReceivedAt;

        await slack.PumpAsync(slack.Channel.SendAsync(Alerts.Breached("k2"), Ct), TimeSpan.FromMilliseconds(250));

        Assert.True(slack.Sink.Messages[1].ReceivedAt - firstAt >= TimeSpan.FromSeconds(1));
    }
}
