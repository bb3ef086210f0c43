using Microsoft.Extensions.Options;

namespace Alignment.Slack.RateLimiting;

/// <summary>
/// Spaces posts to each channel at least 1 / <see cref="SlackOptions.MessagesPerSecondPerChannel"/> apart and holds a
/// channel after a 429 until its <c>Retry-After</c> has passed. Time comes from <see cref="TimeProvider"/>.
/// </summary>
internal sealed class SlackChannelRateLimiter(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Waits for this channel's next slot and takes it.</summary>
    public async Task WaitAsync(string channel, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(1 / options.CurrentValue.MessagesPerSecondPerChannel);
        var now = time.GetUtcNow();
        DateTimeOffset slot;
        lock (_gate)
        {
            slot = _nextSlot.TryGetValue(channel, out var next) && next > now ? next : now;
            _nextSlot[channel] = slot + interval;
        }

        var wait = slot - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No post to this channel before <paramref name="until"/> (after a 429).</summary>
    public void HoldUntil(string channel, DateTimeOffset until)
    {
        lock (_gate)
        {
            if (!_nextSlot.TryGetValue(channel, out var next) || next < until)
            {
                _nextSlot[channel] = until;
            }
        }
    }
}
