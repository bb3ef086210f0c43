namespace Alignment.Sync.Inbox;

/// <summary>
/// Replay-window arithmetic for signed webhook timestamps, safe for any 64-bit value a sender (or an attacker) puts in
/// a header: nothing here throws or overflows, and the window is two-sided (a timestamp too far in the future is
/// refused like one too far in the past). See <c>docs/webhook-threat-model.md</c>.
/// </summary>
public static class WebhookTimestamp
{
    /// <summary>
    /// True when <paramref name="unixMilliseconds"/> (milliseconds since 1970-01-01 UTC) is at most
    /// <paramref name="skew"/> before or after <paramref name="now"/>.
    /// </summary>
    public static bool IsWithin(long unixMilliseconds, DateTimeOffset now, TimeSpan skew)
    {
        // now and skew are small next to long.MaxValue, so these bounds cannot overflow; the header value is only compared.
        var nowMs = now.ToUnixTimeMilliseconds();
        var skewMs = (long)Math.Clamp(skew.Duration().TotalMilliseconds, 0, TimeSpan.FromDays(36_500).TotalMilliseconds);
        return unixMilliseconds >= nowMs - skewMs && unixMilliseconds <= nowMs + skewMs;
    }

    /// <summary>As <see cref="IsWithin(long, DateTimeOffset, TimeSpan)"/> for unix seconds (any value; none overflows).</summary>
    public static bool IsWithinSeconds(long unixSeconds, DateTimeOffset now, TimeSpan skew) =>
        unixSeconds is > -MaxSeconds and < MaxSeconds && IsWithin(unixSeconds * 1000, now, skew);

    private const long MaxSeconds = long.MaxValue / 1000;
}
