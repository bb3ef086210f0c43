namespace Alignment.Slack.RateLimiting;

/// <summary>A channel's turn to post, from <see cref="SlackChannelRateLimiter.AcquireAsync"/>; disposing it starts the interval.</summary>
internal sealed class SlackChannelLease : IDisposable
{
    private readonly ChannelSlot _slot;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private int _disposed;

    internal SlackChannelLease(ChannelSlot slot, TimeProvider time, TimeSpan interval)
    {
        _slot = slot;
        _time = time;
        _interval = interval;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _slot.PushBack(_time.GetUtcNow() + _interval);
            _slot.Gate.Release();
        }
    }

    /// <summary>One channel's turn gate and earliest next post.</summary>
    internal sealed class ChannelSlot
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset Next
        {
            get
            {
                lock (_gate)
                {
                    return _next;
                }
            }
        }

        /// <summary>Moves the next slot to <paramref name="notBefore"/> unless it is already later.</summary>
        public void PushBack(DateTimeOffset notBefore)
        {
            lock (_gate)
            {
                if (notBefore > _next)
                {
                    _next = notBefore;
                }
            }
        }
    }
}
