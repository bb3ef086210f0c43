using System.Globalization;
using System.Net;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Http;

/// <summary>
/// The client-side view of HubSpot's limits, shared by every call of the process: a rolling window of our own sends
/// (ten-second burst budget less a reserve, adjusted to <c>X-HubSpot-RateLimit-Max</c>/<c>-Interval-Milliseconds</c>),
/// a pause when <c>-Remaining</c> reaches the reserve or after a 429, a spacing of search calls, and the daily
/// budget (<c>-Daily</c>/<c>-Daily-Remaining</c>) against <see cref="HubSpotOptions.MaxDailyApiShare"/>.
/// </summary>
internal sealed class HubSpotRateGate
{
    private readonly Lock _sync = new();
    private readonly Queue<long> _sends = new();
    private readonly TimeProvider _time;
    private readonly HubSpotOptions _options;
    private int _max;
    private int _intervalMs;
    private long _pausedUntil;
    private long _lastSearch = long.MinValue;
    private long? _daily;
    private long? _dailyRemaining;
    private int _calls;
    private int _throttled;

    public HubSpotRateGate(TimeProvider time, IOptions<HubSpotOptions> options)
    {
        _time = time;
        _options = options.Value;
        _max = _options.BurstLimit;
        _intervalMs = _options.BurstIntervalMilliseconds;
    }

    /// <summary>Calls sent so far, and the portal's daily figures when HubSpot reported them.</summary>
    public ApiUsage Usage
    {
        get
        {
            lock (_sync)
            {
                return new ApiUsage(_calls, _daily is { } d && _dailyRemaining is { } r ? d - r : null, _daily);
            }
        }
    }

    /// <summary>429 answers seen (each retried or surfaced).</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Waits until a call may be sent, then counts it. Throws when the daily share is used.</summary>
    public async ValueTask WaitTurnAsync(bool search, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_sync)
            {
                if (_daily is { } daily && _dailyRemaining is { } remaining && daily > 0
                    && daily - remaining >= _options.MaxDailyApiShare * daily)
                {
                    throw new CrmBudgetExhaustedException(
                        CrmKinds.HubSpotName,
                        string.Create(CultureInfo.InvariantCulture, $"HubSpot daily API share used: {daily - remaining} of {daily} calls (MaxDailyApiShare {_options.MaxDailyApiShare})."),
                        new ApiUsage(_calls, daily - remaining, daily));
                }

                var now = Now();
                wait = search ? SearchWait(now) : BurstWait(now);
                if (wait <= TimeSpan.Zero)
                {
                    if (search)
                    {
                        _lastSearch = now;
                    }
                    else
                    {
                        _sends.Enqueue(now);
                    }

                    _calls++;
                    return;
                }
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the rate-limit headers of an answer; after a 429 pauses the burst budget.</summary>
    public void Observe(HttpResponseMessage response, bool search)
    {
        var headers = response.Headers;
        lock (_sync)
        {
            var now = Now();
            if (Read(headers, "X-HubSpot-RateLimit-Daily") is { } daily)
            {
                _daily = daily;
            }

            if (Read(headers, "X-HubSpot-RateLimit-Daily-Remaining") is { } dailyRemaining)
            {
                _dailyRemaining = dailyRemaining;
            }

            if (Read(headers, "X-HubSpot-RateLimit-Max") is { } max and > 1)
            {
                _max = (int)Math.Min(max, int.MaxValue);
            }

            if (Read(headers, "X-HubSpot-RateLimit-Interval-Milliseconds") is { } interval and > 0)
            {
                _intervalMs = (int)Math.Min(interval, int.MaxValue);
            }

            if (!search && Read(headers, "X-HubSpot-RateLimit-Remaining") is { } remaining && remaining <= _options.BurstReserve)
            {
                // Someone else (another app, another instance) is using the budget: wait for the window to roll.
                var oldest = _sends.Count > 0 ? _sends.Peek() : now;
                _pausedUntil = Math.Max(_pausedUntil, oldest + _intervalMs);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                _throttled++;
                var retryAfter = RetryAfter(response) ?? TimeSpan.FromMilliseconds(search ? 1000 : _intervalMs);
                var until = now + (long)retryAfter.TotalMilliseconds;
                if (search)
                {
                    _lastSearch = Math.Max(_lastSearch, until);
                }
                else
                {
                    _pausedUntil = Math.Max(_pausedUntil, until);
                }
            }
        }
    }

    /// <summary>The <c>Retry-After</c> of an answer (seconds or a date), or null.</summary>
    public TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var left = date - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        return null;
    }

    private TimeSpan SearchWait(long now)
    {
        var spacing = (long)Math.Ceiling(1000 / _options.SearchRequestsPerSecond);
        return TimeSpan.FromMilliseconds(Math.Max(0, _lastSearch == long.MinValue ? 0 : _lastSearch + spacing - now));
    }

    private TimeSpan BurstWait(long now)
    {
        while (_sends.Count > 0 && _sends.Peek() <= now - _intervalMs)
        {
            _sends.Dequeue();
        }

        var wait = Math.Max(0, _pausedUntil - now);
        var allowed = Math.Max(1, _max - _options.BurstReserve);
        if (_sends.Count >= allowed)
        {
            // The oldest send leaves the window after the interval; a little slack for latency differences.
            wait = Math.Max(wait, _sends.Peek() + _intervalMs + 5 - now);
        }

        return TimeSpan.FromMilliseconds(wait);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long? Read(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
