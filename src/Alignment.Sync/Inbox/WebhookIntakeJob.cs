using Microsoft.Extensions.Logging;

namespace Alignment.Sync.Inbox;

/// <summary>
/// Receives a webhook delivery: the source's parser authenticates and parses it; accepted events are stored in the
/// inbox <em>before</em> the acknowledgement is returned, so nothing acknowledged is ever lost. Redeliveries (same
/// event id) are skipped by the inbox. Processing happens later in <c>InboxDrainJob</c>. Refusals are logged through
/// <see cref="WebhookRejectionLog"/> (one warning line each, rate-limited); pass the process's singleton.
/// </summary>
public sealed partial class WebhookIntakeJob(
    IEnumerable<IWebhookParser> parsers,
    IWebhookInbox inbox,
    TimeProvider time,
    ILogger<WebhookIntakeJob> logger,
    WebhookRejectionLog? rejections = null)
{
    private readonly IReadOnlyList<IWebhookParser> _parsers = [.. parsers];
    private readonly WebhookRejectionLog _rejections = rejections ?? new WebhookRejectionLog(time, logger);

    /// <summary>
    /// Parses and stores the delivery; returns what to answer. Throws when the inbox cannot store it (the host then
    /// answers 5xx and the sender redelivers).
    /// </summary>
    public async Task<WebhookIntakeResult> RunAsync(WebhookIntakeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parser = _parsers.FirstOrDefault(p => string.Equals(p.Source, request.Source, StringComparison.OrdinalIgnoreCase));
        if (parser is null)
        {
            const string problem = "No webhook parser is registered for this source; expected e.g. 'hubspot' or 'salesforce'.";
            _rejections.Rejected(request.Source.Length <= 32 ? request.Source : request.Source[..32], 404, problem);
            return new WebhookIntakeResult(404, problem, "text/plain", problem, 0, 0);
        }

        var parsed = parser.Parse(request.Request, time.GetUtcNow());
        if (!parsed.Accepted)
        {
            var problem = parsed.Problem ?? "Rejected.";
            _rejections.Rejected(parser.Source, parsed.StatusCode, problem);
            return new WebhookIntakeResult(parsed.StatusCode, problem, "text/plain", problem, 0, 0);
        }

        var stored = parsed.Items.Count == 0 ? 0 : await inbox.AddAsync(parsed.Items, cancellationToken).ConfigureAwait(false);
        LogStored(logger, parser.Source, stored, parsed.Items.Count - stored);
        return new WebhookIntakeResult(parsed.StatusCode, parsed.AckBody, parsed.AckContentType, null, stored, parsed.Items.Count - stored);
    }

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Webhook from {Source} stored {Stored} events, skipped {Duplicates} duplicates")]
    private static partial void LogStored(ILogger logger, string source, int stored, int duplicates);
}
