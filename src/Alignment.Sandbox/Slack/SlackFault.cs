namespace Alignment.Sandbox.Slack;

/// <summary>
/// A fault the sink answers a matching request with (once per injection, first match first).
/// <list type="bullet">
/// <item><see cref="StatusCode"/> 429 (with <see cref="RetryAfterSeconds"/>) or 5xx: answered without recording.</item>
/// <item><see cref="ApiError"/>: Web API <c>{ "ok": false, "error": … }</c> with HTTP 200; on the webhook, plain text with
/// <see cref="StatusCode"/> (400 when left at 200).</item>
/// <item><see cref="Delay"/>: the message is recorded, then the answer waits (a slow response or client timeout after delivery).</item>
/// </list>
/// </summary>
public sealed record SlackFault
{
    /// <summary><c>chat.postMessage</c>, <c>users.lookupByEmail</c>, <c>conversations.history</c>, <c>webhook</c>; null matches any.</summary>
    public string? Method { get; init; }

    public int StatusCode { get; init; } = 200;
    public int? RetryAfterSeconds { get; init; }
    public string? ApiError { get; init; }
    public TimeSpan Delay { get; init; }

    public static SlackFault RateLimited(int retryAfterSeconds, string? method = null) =>
        new() { Method = method, StatusCode = 429, RetryAfterSeconds = retryAfterSeconds };

    public static SlackFault ServerError(string? method = null) => new() { Method = method, StatusCode = 500 };

    public static SlackFault Error(string apiError, string? method = null) => new() { Method = method, ApiError = apiError };

    public static SlackFault Slow(TimeSpan delay, string? method = null) => new() { Method = method, Delay = delay };
}
