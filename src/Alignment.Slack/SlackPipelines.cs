using Alignment.Sync.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Alignment.Slack;

/// <summary>
/// The Slack adapter's named resilience pipelines (Polly v8, registered with <c>AddResiliencePipeline</c>; see
/// docs/storage-and-slack.md, "Rate limits and retries").
/// </summary>
internal static partial class SlackPipelines
{
    /// <summary>
    /// Posting a message: a 429 whose <c>Retry-After</c> is at most <see cref="SlackOptions.MaxRetryAfter"/> is tried
    /// again, at most <see cref="SlackOptions.MaxRateLimitRetries"/> times. The pipeline adds no delay of its own: the
    /// 429 holds the channel in <see cref="RateLimiting.SlackChannelRateLimiter"/> until its <c>Retry-After</c> has passed,
    /// and every post to that channel (this one's next attempt included) waits for it there. Nothing else is retried: a
    /// timeout or a dropped connection may have delivered the message, and chat.postMessage is not idempotent.
    /// </summary>
    public const string PostMessage = "Alignment.Slack.PostMessage";

    /// <summary>The channel (or user id) a post goes to, for the retry's log line.</summary>
    public static readonly ResiliencePropertyKey<string> Channel = new("alignment.slack.channel");

    public static IServiceCollection AddSlackPipelines(this IServiceCollection services)
    {
        services.AddResiliencePipeline(PostMessage, (pipeline, context) =>
        {
            context.EnableReloads<SlackOptions>();
            var settings = context.GetOptions<SlackOptions>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackAlertChannel));
            pipeline.AddRetry(new RetryStrategyOptions
            {
                // Polly needs at least one attempt; with MaxRateLimitRetries 0 the predicate refuses every retry.
                MaxRetryAttempts = Math.Max(1, settings.MaxRateLimitRetries),
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = new PredicateBuilder().Handle<AlertDeliveryException>(e =>
                    settings.MaxRateLimitRetries > 0 && e.RetryAfter is { } wait && wait <= settings.MaxRetryAfter),
                OnRetry = args =>
                {
                    var wait = (args.Outcome.Exception as AlertDeliveryException)?.RetryAfter ?? TimeSpan.Zero;
                    LogRateLimited(logger, args.Context.Properties.GetValue(Channel, "?"), wait.TotalSeconds, args.AttemptNumber + 1);
                    return default;
                },
            });
        });
        return services;
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Slack rate-limited channel {SlackChannel}; waiting {RetryAfterSeconds} s as asked (retry {Retry})")]
    private static partial void LogRateLimited(ILogger logger, string slackChannel, double retryAfterSeconds, int retry);
}
