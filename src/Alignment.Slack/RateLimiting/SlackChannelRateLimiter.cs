using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Alignment.Slack.RateLimiting;

/// <summary>
/// At most 1 / <see cref="SlackOptions.MessagesPerSecondPerChannel"/> posts per second to each channel, as Slack sees
/// them: posts to one channel go one at a time, and the next starts no earlier than that interval after the previous
/// one finished. After a 429 the channel is held until its <c>Retry-After</c> has passed. Time comes from
/// <see cref="TimeProvider"/>; channels are independent.
/// </summary>
internal sealed class SlackChannelRateLimiter(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SlackChannelLease.ChannelSlot> _channels = new(StringComparer.Ordinal);

    /// <summary>Waits for the channel's turn and slot; dispose the lease when the post has finished.</summary>
    public async Task<SlackChannelLease> AcquireAsync(string channel, CancellationToken cancellationToken)
    {
        var slot = _channels.GetOrAdd(channel, _ => new SlackChannelLease.ChannelSlot());
        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = slot.Next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            return new SlackChannelLease(slot, time, TimeSpan.FromSeconds(1 / options.CurrentValue.MessagesPerSecondPerChannel));
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }
    }

    /// <summary>No post to this channel before <paramref name="until"/> (after a 429).</summary>
    public void HoldUntil(string channel, DateTimeOffset until) =>
        _channels.GetOrAdd(channel, _ => new SlackChannelLease.ChannelSlot()).PushBack(until);
}
