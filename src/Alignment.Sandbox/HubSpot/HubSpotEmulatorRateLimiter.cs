using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// HubSpot's limits as middleware: a rolling ten-second window for non-search calls and a rolling second for search
/// calls (429 with <c>policyName</c> and <c>Retry-After</c>), the <c>X-HubSpot-RateLimit-*</c> headers on non-search
/// answers, the daily count, and the injected faults (daily exhaustion, 429 bursts, 502s).
/// </summary>
internal sealed class HubSpotEmulatorRateLimiter(HubSpotEmulator emulator)
{
    private readonly Lock _sync = new();
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly Queue<DateTimeOffset> _searchWindow = new();
    private long _daily;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var options = emulator.Options;
        var search = context.Request.Path.Value?.EndsWith("/search", StringComparison.Ordinal) == true;
        emulator.Counter.Count(context.Request.Method, context.Request.Path.Value ?? "");
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, context.RequestAborted);
        }

        if (options.AccessToken is { } token && context.Request.Headers.Authorization.ToString() != "Bearer " + token)
        {
            await WriteAsync(context, HubSpotEmulatorResponses.Error(401, "INVALID_AUTHENTICATION",
                "Authentication credentials not found. This API supports OAuth 2.0 authentication."));
            return;
        }

        var faults = emulator.Faults;
        if (faults.DailyLimitReached)
        {
            emulator.Counter.Throttled();
            await WriteAsync(context, RateLimited("DAILY", "You have reached your daily limit.", null));
            return;
        }

        if (faults.TakeServerError())
        {
            await WriteAsync(context, HubSpotEmulatorResponses.Error(502, "INTERNAL_ERROR", "internal error (injected fault)"));
            return;
        }

        TimeSpan? wait;
        int remaining;
        lock (_sync)
        {
            var now = options.Time.GetUtcNow();
            if (search)
            {
                wait = Admit(_searchWindow, now, TimeSpan.FromSeconds(1), options.SearchRequestsPerSecond);
                remaining = 0;
            }
            else if (faults.TakeRateLimit())
            {
                wait = TimeSpan.FromSeconds(faults.RetryAfterSeconds);
                remaining = 0;
            }
            else
            {
                wait = Admit(_window, now, options.RateLimitInterval, options.RateLimitMax);
                remaining = Math.Max(0, options.RateLimitMax - _window.Count);
            }

            if (wait is null)
            {
                _daily++;
            }
        }

        if (!search)
        {
            var headers = context.Response.Headers;
            headers["X-HubSpot-RateLimit-Daily"] = options.DailyLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-HubSpot-RateLimit-Daily-Remaining"] = Math.Max(0, options.DailyLimit - Interlocked.Read(ref _daily)).ToString(CultureInfo.InvariantCulture);
            headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = ((long)options.RateLimitInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            headers["X-HubSpot-RateLimit-Max"] = options.RateLimitMax.ToString(CultureInfo.InvariantCulture);
            headers["X-HubSpot-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        }

        if (wait is { } retryAfter)
        {
            emulator.Counter.Throttled();
            var policy = search ? "SECONDLY" : "TEN_SECONDLY_ROLLING";
            await WriteAsync(context, RateLimited(policy, $"You have reached your {policy.ToLowerInvariant()} limit.", retryAfter));
            return;
        }

        await next(context);
    }

    private static TimeSpan? Admit(Queue<DateTimeOffset> window, DateTimeOffset now, TimeSpan interval, int max)
    {
        while (window.Count > 0 && window.Peek() <= now - interval)
        {
            window.Dequeue();
        }

        if (window.Count >= max)
        {
            return window.Peek() + interval - now;
        }

        window.Enqueue(now);
        return null;
    }

    private static IResult RateLimited(string policy, string message, TimeSpan? retryAfter)
    {
        var body = new JsonObject
        {
            ["status"] = "error",
            ["message"] = message,
            ["errorType"] = "RATE_LIMIT",
            ["correlationId"] = Guid.NewGuid().ToString(),
            ["policyName"] = policy,
            ["requestId"] = Guid.NewGuid().ToString("N"),
        };
        var result = HubSpotEmulatorResponses.Json(body, 429);
        return retryAfter is { } delay ? new RetryAfterResult(result, delay) : result;
    }

    private static Task WriteAsync(HttpContext context, IResult result) => result.ExecuteAsync(context);

    /// <summary>Adds <c>Retry-After</c> (whole seconds, rounded up) to an answer.</summary>
    private sealed class RetryAfterResult(IResult inner, TimeSpan delay) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
