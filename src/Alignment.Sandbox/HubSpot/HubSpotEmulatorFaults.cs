namespace Alignment.Sandbox.HubSpot;

/// <summary>Faults the <see cref="HubSpotEmulator"/> injects, settable while it runs. Thread-safe.</summary>
public sealed class HubSpotEmulatorFaults
{
    private readonly Lock _sync = new();
    private readonly HashSet<string> _rejectOnUpdate = new(StringComparer.Ordinal);
    private int _rateLimitBurst;
    private int _serverErrors;

    /// <summary>When true every call answers 429 with policy <c>DAILY</c>.</summary>
    public bool DailyLimitReached { get; set; }

    /// <summary>When true the Lists API answers 403 <c>MISSING_SCOPES</c>, as for an app without <c>crm.lists.*</c>.</summary>
    public bool ListsScopeMissing { get; set; }

    /// <summary>The events API answers 403 (a portal without an Enterprise subscription, or an app without its scope).</summary>
    public bool EventsUnavailable { get; set; }

    /// <summary><c>Retry-After</c> seconds sent with injected ten-secondly 429s.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The next <paramref name="count"/> non-search calls answer 429 <c>TEN_SECONDLY_ROLLING</c>.</summary>
    public void RateLimitNext(int count)
    {
        lock (_sync)
        {
            _rateLimitBurst = count;
        }
    }

    /// <summary>The next <paramref name="count"/> calls answer 502 with HubSpot's error body.</summary>
    public void FailNext(int count)
    {
        lock (_sync)
        {
            _serverErrors = count;
        }
    }

    /// <summary>Batch updates of these company ids fail with VALIDATION_ERROR inside a 207 (the others are written).</summary>
    public void RejectUpdatesOf(params string[] companyIds)
    {
        lock (_sync)
        {
            _rejectOnUpdate.UnionWith(companyIds);
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _rateLimitBurst = 0;
            _serverErrors = 0;
            _rejectOnUpdate.Clear();
            DailyLimitReached = false;
        }
    }

    internal bool TakeRateLimit() => Take(ref _rateLimitBurst);

    internal bool TakeServerError() => Take(ref _serverErrors);

    internal bool RejectsUpdateOf(string id)
    {
        lock (_sync)
        {
            return _rejectOnUpdate.Contains(id);
        }
    }

    private bool Take(ref int counter)
    {
        lock (_sync)
        {
            if (counter <= 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }
}
