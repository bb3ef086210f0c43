using System.Text.Json.Nodes;
using Alignment.Slack.Api;
using Alignment.Slack.Messages;
using Alignment.Slack.RateLimiting;
using Alignment.Slack.Users;
using Alignment.Sync.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace Alignment.Slack;

/// <summary>
/// <see cref="IAlertChannel"/> over Slack. Webhook mode posts to the incoming webhook; bot mode posts with
/// <c>chat.postMessage</c> (the handoff DM to the owner — the channel when the owner has no Slack user —, at-risk to
/// the owner's DM or the channel, breaches and tier-crossing digests to the channel, escalations to the escalation
/// channel), tagging each message with metadata <c>alignment_alert</c> { key } so that
/// <see cref="WasDeliveredAsync"/> can find it in <c>conversations.history</c>.
/// </summary>
internal sealed partial class SlackAlertChannel(
    IOptionsMonitor<SlackOptions> options,
    SlackApiClient api,
    SlackWebhookClient webhook,
    SlackUserDirectory users,
    SlackChannelRateLimiter limiter,
    ResiliencePipelineProvider<string> pipelines,
    TimeProvider time,
    ILogger<SlackAlertChannel> logger) : IAlertChannel
{
    /// <summary>The rate-limit key of the webhook's fixed channel.</summary>
    private const string WebhookChannel = "webhook";

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var settings = options.CurrentValue;
        var ownerUserId = await users.FindUserIdAsync(alert.Owner?.Email, cancellationToken).ConfigureAwait(false);
        var message = SlackMessageRenderer.Render(alert, ownerUserId, alert.Level == AlertLevel.Escalated ? ManagerUserId(settings, alert) : null);
        var channel = settings.Mode == SlackMode.Bot ? Route(settings, alert, ownerUserId) : WebhookChannel;
        if (settings.Mode == SlackMode.Bot)
        {
            message["channel"] = channel;
            message["unfurl_links"] = false;
            message["metadata"] = new JsonObject
            {
                ["event_type"] = SlackApiClient.MetadataEventType,
                ["event_payload"] = new JsonObject { ["key"] = alert.Key },
            };
        }

        var pipeline = pipelines.GetPipeline(SlackPipelines.PostMessage);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SlackPipelines.Channel, channel);
        try
        {
            await pipeline.ExecuteAsync(
                async ctx =>
                {
                    using var lease = await limiter.AcquireAsync(channel, ctx.CancellationToken).ConfigureAwait(false);
                    try
                    {
                        if (settings.Mode == SlackMode.Bot)
                        {
                            await api.PostMessageAsync(message, ctx.CancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            await webhook.PostAsync(message, ctx.CancellationToken).ConfigureAwait(false);
                        }
                    }
                    catch (AlertDeliveryException e) when (e.RetryAfter is { } retryAfter)
                    {
                        // Every post to this channel waits until then, this one's retry (SlackPipelines.PostMessage) too.
                        limiter.HoldUntil(channel, time.GetUtcNow() + retryAfter);
                        throw;
                    }
                },
                context).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        LogSent(logger, alert.Key, alert.Level, channel);
    }

    public async Task<bool?> WasDeliveredAsync(Alert alert, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var settings = options.CurrentValue;
        if (settings.Mode != SlackMode.Bot)
        {
            return null;
        }

        var ownerUserId = await users.FindUserIdAsync(alert.Owner?.Email, cancellationToken).ConfigureAwait(false);
        var channel = Route(settings, alert, ownerUserId);
        if (IsUserId(channel))
        {
            // A DM is posted to the user id; its history is read from the DM channel (D…), which conversations.open names.
            channel = await api.OpenDirectMessageAsync(channel, cancellationToken).ConfigureAwait(false);
        }

        return await api.HistoryContainsAsync(channel, alert.Key, since, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The channel (or user id, for a DM) that gets <paramref name="alert"/> in bot mode.</summary>
    internal static string Route(SlackOptions settings, Alert alert, string? ownerUserId)
    {
        var level = alert.Level;
        var channel = settings.Channel ?? throw new InvalidOperationException(SlackOptions.SectionName + ":Channel is not set.");
        return level switch
        {
            AlertLevel.AtRisk when settings.AtRiskTo == AtRiskDelivery.DirectMessage && ownerUserId is not null => ownerUserId,
            AlertLevel.Handoff when ownerUserId is not null => ownerUserId,
            AlertLevel.Escalated when ManagerUserId(settings, alert) is { } manager => manager,
            AlertLevel.Escalated or AlertLevel.EscalatedToChannel => settings.EscalationChannel ?? channel,
            _ => channel,
        };
    }

    /// <summary>The Slack user of the owner's manager (<see cref="SlackOptions.ManagerUserMap"/>); null when unknown.</summary>
    internal static string? ManagerUserId(SlackOptions settings, Alert alert) =>
        alert.Owner?.ManagerId is { } managerId && settings.ManagerUserMap.TryGetValue(managerId, out var userId) ? userId : null;

    private static bool IsUserId(string channel) => channel.StartsWith('U') || channel.StartsWith('W');

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Slack alert {AlertKey} ({Level}) posted to {SlackChannel}")]
    private static partial void LogSent(ILogger logger, string alertKey, AlertLevel level, string slackChannel);

}
