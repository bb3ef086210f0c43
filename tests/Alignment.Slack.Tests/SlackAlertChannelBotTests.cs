using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Sandbox.Slack;
using Alignment.Sync.Alerts;

namespace Alignment.Slack.Tests;

public sealed class SlackAlertChannelBotTests : IAsyncLifetime
{
    private SlackHarness _slack = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _slack = await SlackHarness.StartAsync();

    public ValueTask DisposeAsync() => _slack.DisposeAsync();

    [Fact]
    public async Task SendAsync_Breached_PostsToChannelWithMentionBlocksAndMetadata()
    {
        var alert = Alerts.Breached();

        await _slack.Channel.SendAsync(alert, Ct);

        var message = Assert.Single(_slack.Sink.Messages);
        Assert.Equal("chat.postMessage", message.Via);
        Assert.Equal(SlackHarness.AlertChannel, message.Channel);
        Assert.Contains("<@U024BE7LH>", message.Text, StringComparison.Ordinal);
        Assert.Equal("alignment_alert", message.MetadataEventType);
        Assert.Equal(alert.Key, JsonDocument.Parse(message.MetadataPayloadJson!).RootElement.GetProperty("key").GetString());
        Assert.Equal("header", JsonDocument.Parse(message.BlocksJson!).RootElement[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task SendAsync_AtRisk_GoesToOwnerDirectMessage()
    {
        await _slack.Channel.SendAsync(Alerts.Breached() with { Level = AlertLevel.AtRisk }, Ct);

        Assert.Equal(SlackHarness.OwnerUserId, Assert.Single(_slack.Sink.Messages).Channel);
    }

    [Fact]
    public async Task SendAsync_Handoff_GoesToOwnerDirectMessageEvenWhenAtRiskGoesToChannel()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["AtRiskTo"] = "Channel" });

        await slack.Channel.SendAsync(Alerts.Breached("handoff|001A000001abcDE|2026-11-20T13:00:00Z") with { Level = AlertLevel.Handoff }, Ct);

        var message = Assert.Single(slack.Sink.Messages);
        Assert.Equal(SlackHarness.OwnerUserId, message.Channel);
        Assert.Contains("New handoff", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_HandoffOwnerUnknownInSlack_GoesToChannel()
    {
        var alert = Alerts.Breached() with { Level = AlertLevel.Handoff, Owner = new Owner("005Z", "nobody@example.com", "Europe/Berlin") };

        await _slack.Channel.SendAsync(alert, Ct);

        Assert.Equal(SlackHarness.AlertChannel, Assert.Single(_slack.Sink.Messages).Channel);
    }

    [Fact]
    public async Task SendAsync_TierCrossings_GoesToAlertChannel()
    {
        var alert = Alerts.Breached("tiers|run-1") with
        {
            Level = AlertLevel.TierCrossings,
            Owner = null,
            Crossings = [new TierCrossing("001A", "Acme", null, Core.Tiers.Tier.Tier3, Core.Tiers.Tier.Tier1, 90)],
        };

        await _slack.Channel.SendAsync(alert, Ct);

        Assert.Equal(SlackHarness.AlertChannel, Assert.Single(_slack.Sink.Messages).Channel);
    }

    [Fact]
    public async Task SendAsync_CalibrationSummary_GoesToAlertChannelAsValidBlockKit()
    {
        await _slack.Channel.SendAsync(Messages.SlackMessageRendererTests.CalibrationAlert(flagged: 2), Ct);

        var message = Assert.Single(_slack.Sink.Messages);
        Assert.Equal(SlackHarness.AlertChannel, message.Channel);
        Assert.Contains("Monthly calibration", message.BlocksJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AtRiskOwnerUnknownInSlack_GoesToChannelWithoutMention()
    {
        var alert = Alerts.Breached() with { Level = AlertLevel.AtRisk, Owner = new Owner("005Z", "nobody@example.com", "Europe/Berlin") };

        await _slack.Channel.SendAsync(alert, Ct);

        var message = Assert.Single(_slack.Sink.Messages);
        Assert.Equal(SlackHarness.AlertChannel, message.Channel);
        Assert.DoesNotContain("<@", message.BlocksJson, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody@example.com", message.BlocksJson + message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Escalated_GoesToEscalationChannel()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["EscalationChannel"] = SlackHarness.RevOpsChannel });

        await slack.Channel.SendAsync(Alerts.Breached() with { Level = AlertLevel.Escalated }, Ct);

        Assert.Equal(SlackHarness.RevOpsChannel, Assert.Single(slack.Sink.Messages).Channel);
    }

    [Fact]
    public async Task SendAsync_EscalatedWithMappedManager_GoesToManagerDirectMessageMentioningThem()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["EscalationChannel"] = SlackHarness.RevOpsChannel, ["ManagerUserMap:005M"] = "U0MANAGER" });

        await slack.Channel.SendAsync(Alerts.Breached() with { Level = AlertLevel.Escalated, EscalateAfterBusinessHours = 4 }, Ct);

        var message = Assert.Single(slack.Sink.Messages);
        Assert.Equal("U0MANAGER", message.Channel);
        var lead = System.Text.Json.Nodes.JsonNode.Parse(message.BlocksJson!)![1]!["text"]!["text"]!.GetValue<string>();
        Assert.StartsWith("<@U0MANAGER>: Still unanswered 4 business hours after the deadline", lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EscalatedToChannel_GoesToEscalationChannel()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["EscalationChannel"] = SlackHarness.RevOpsChannel, ["ManagerUserMap:005M"] = "U0MANAGER" });

        await slack.Channel.SendAsync(Alerts.Breached() with { Level = AlertLevel.EscalatedToChannel, EscalateAfterBusinessHours = 8 }, Ct);

        var message = Assert.Single(slack.Sink.Messages);
        Assert.Equal(SlackHarness.RevOpsChannel, message.Channel);
        Assert.Contains("Still unanswered 8 business hours after the deadline, manager already told", message.BlocksJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AtRiskConfiguredForChannel_GoesToChannel()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["AtRiskTo"] = "Channel" });

        await slack.Channel.SendAsync(Alerts.Breached() with { Level = AlertLevel.AtRisk }, Ct);

        Assert.Equal(SlackHarness.AlertChannel, Assert.Single(slack.Sink.Messages).Channel);
    }

    [Fact]
    public async Task SendAsync_TwoAlertsSameOwner_LooksUpEmailOnce()
    {
        await _slack.Channel.SendAsync(Alerts.Breached("k1"), Ct);
        await _slack.Channel.SendAsync(Alerts.Breached("k2"), Ct);

        Assert.Equal(1, _slack.Sink.RequestCount("users.lookupByEmail"));
        Assert.All(_slack.Sink.Messages, m => Assert.Contains("<@U024BE7LH>", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_UnknownEmailTwice_MissIsCachedToo()
    {
        var alert = Alerts.Breached() with { Owner = new Owner("005Z", "nobody@example.com") };

        await _slack.Channel.SendAsync(alert with { Key = "k1" }, Ct);
        await _slack.Channel.SendAsync(alert with { Key = "k2" }, Ct);

        Assert.Equal(1, _slack.Sink.RequestCount("users.lookupByEmail"));
    }

    [Fact]
    public async Task SendAsync_EmailInUserMap_UsesMapWithoutLookup()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["UserMap:AE@Example.com"] = "U0MAPPED" });

        await slack.Channel.SendAsync(Alerts.Breached(), Ct);

        Assert.Equal(0, slack.Sink.RequestCount("users.lookupByEmail"));
        Assert.Contains("<@U0MAPPED>", Assert.Single(slack.Sink.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_LookupFails_SendsWithoutMention()
    {
        _slack.Sink.InjectFault(SlackFault.ServerError("users.lookupByEmail"));

        await _slack.Channel.SendAsync(Alerts.Breached(), Ct);

        Assert.DoesNotContain("<@", Assert.Single(_slack.Sink.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerError_TransientNotDelivered()
    {
        _slack.Sink.InjectFault(SlackFault.ServerError("chat.postMessage"));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => _slack.Channel.SendAsync(Alerts.Breached(), Ct));

        Assert.True(error.Transient);
        Assert.False(error.MayHaveBeenDelivered);
        Assert.Empty(_slack.Sink.Messages);
    }

    [Theory]
    [InlineData("channel_not_found", false)]
    [InlineData("not_in_channel", false)]
    [InlineData("invalid_blocks", false)]
    [InlineData("ratelimited", true)]
    [InlineData("internal_error", true)]
    public async Task SendAsync_OkFalseError_MapsTransience(string apiError, bool transient)
    {
        _slack.Sink.InjectFault(SlackFault.Error(apiError, "chat.postMessage"));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => _slack.Channel.SendAsync(Alerts.Breached(), Ct));

        Assert.Equal(transient, error.Transient);
        Assert.False(error.MayHaveBeenDelivered);
        Assert.Contains(apiError, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WrongToken_PermanentInvalidAuth()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["BotToken"] = "xoxb-wrong" });

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => slack.Channel.SendAsync(Alerts.Breached(), Ct));

        Assert.False(error.Transient);
        Assert.Contains("invalid_auth", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-wrong", string.Join('\n', slack.Logs.GetSnapshot().Select(r => r.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ChannelBotIsNotIn_PermanentChannelNotFound()
    {
        await using var slack = await SlackHarness.StartAsync(new() { ["Channel"] = "C0UNKNOWN" });

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => slack.Channel.SendAsync(Alerts.Breached(), Ct));

        Assert.False(error.Transient);
        Assert.Contains("channel_not_found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ResponseSlowerThanTimeout_MayHaveBeenDeliveredAndWasDeliveredSaysYes()
    {
        var since = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        await using var slack = await SlackHarness.StartAsync(new() { ["RequestTimeout"] = "00:00:00.500" });
        slack.Sink.InjectFault(SlackFault.Slow(TimeSpan.FromSeconds(30), "chat.postMessage"));
        var alert = Alerts.Breached();

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => slack.Channel.SendAsync(alert, Ct));

        Assert.True(error.MayHaveBeenDelivered);
        Assert.True(error.Transient);
        Assert.Single(slack.Sink.Messages);
        Assert.True(await slack.Channel.WasDeliveredAsync(alert, since, Ct));
    }

    [Fact]
    public async Task WasDeliveredAsync_SentAndNotSent_TrueThenFalse()
    {
        var since = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var sent = Alerts.Breached("sent-key");
        await _slack.Channel.SendAsync(sent, Ct);

        Assert.True(await _slack.Channel.WasDeliveredAsync(sent, since, Ct));
        Assert.False(await _slack.Channel.WasDeliveredAsync(Alerts.Breached("other-key"), since, Ct));
        Assert.False(await _slack.Channel.WasDeliveredAsync(sent, TimeProvider.System.GetUtcNow().AddMinutes(5), Ct));
    }

    [Fact]
    public async Task WasDeliveredAsync_SinceAfterSlackStampedTheMessage_StillFindsIt()
    {
        var sent = Alerts.Breached("skew-key");
        await _slack.Channel.SendAsync(sent, Ct);
        var stamped = Assert.Single(_slack.Sink.Messages).ReceivedAt;

        // Our clock a little ahead of Slack's, or the post stamped in the very instant the attempt was recorded.
        Assert.True(await _slack.Channel.WasDeliveredAsync(sent, stamped, Ct));
        Assert.True(await _slack.Channel.WasDeliveredAsync(sent, stamped.AddSeconds(30), Ct));
    }

    [Fact]
    public async Task WasDeliveredAsync_ManyMessagesAcrossPages_FindsOldOne()
    {
        var since = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        await using var slack = await SlackHarness.StartAsync(new() { ["MessagesPerSecondPerChannel"] = "100" });
        var first = Alerts.Breached("first");
        await slack.Channel.SendAsync(first, Ct);
        for (var i = 0; i < 205; i++)
        {
            await slack.Channel.SendAsync(Alerts.Breached($"later-{i}"), Ct);
        }

        Assert.True(await slack.Channel.WasDeliveredAsync(first, since, Ct));
        Assert.True(slack.Sink.RequestCount("conversations.history") >= 2);
    }

    [Fact]
    public async Task WasDeliveredAsync_DirectMessage_ReadsTheDmChannelOpenedForTheOwner()
    {
        var since = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var sent = Alerts.Breached("dm-sent") with { Level = AlertLevel.AtRisk };
        await _slack.Channel.SendAsync(sent, Ct);

        Assert.True(await _slack.Channel.WasDeliveredAsync(sent, since, Ct));
        Assert.False(await _slack.Channel.WasDeliveredAsync(Alerts.Breached("dm-not-sent") with { Level = AlertLevel.AtRisk }, since, Ct));
        Assert.Equal(2, _slack.Sink.RequestCount("conversations.open"));
    }
}
