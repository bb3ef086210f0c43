namespace Alignment.Sync.Scheduling;

/// <summary>Exponential back-off: <c>base × 2^(attempt−1)</c>, capped.</summary>
public static class RetryBackoff
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (1-based), at least <paramref name="floor"/> when given (e.g. a Retry-After).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan @base, TimeSpan max, TimeSpan? floor = null)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min((double)@base.Ticks * Math.Pow(2, exponent), max.Ticks);
        var delay = TimeSpan.FromTicks((long)ticks);
        return floor is { } f && f > delay ? f : delay;
    }
}
