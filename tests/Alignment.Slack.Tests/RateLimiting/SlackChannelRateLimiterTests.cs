using Alignment.Slack.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Slack.Tests.RateLimiting;

public sealed class SlackChannelRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcquireAsync_SameChannelTwice_SecondWaitsOneSecondAfterFirstFinished()
    {
        var limiter = Limiter(1);
        var first = await limiter.AcquireAsync("C1", Ct);

        var second = limiter.AcquireAsync("C1", Ct);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(second.IsCompleted);
        first.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await second.WaitAsync(TimeSpan.FromSeconds(10), Ct)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_OtherChannel_DoesNotWait()
    {
        var limiter = Limiter(1);
        using var first = await limiter.AcquireAsync("C1", Ct);

        var other = limiter.AcquireAsync("C2", Ct);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_TwoPerSecond_HalfSecondApart()
    {
        var limiter = Limiter(2);
        (await limiter.AcquireAsync("C1", Ct)).Dispose();

        var second = limiter.AcquireAsync("C1", Ct);
        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await second.WaitAsync(TimeSpan.FromSeconds(10), Ct)).Dispose();
    }

    [Fact]
    public async Task HoldUntil_FutureInstant_DelaysNextTurnUntilThen()
    {
        var limiter = Limiter(1);
        limiter.HoldUntil("C1", _time.GetUtcNow().AddSeconds(30));

        var next = limiter.AcquireAsync("C1", Ct);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        (await next.WaitAsync(TimeSpan.FromSeconds(10), Ct)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_AfterQuietPeriod_DoesNotWait()
    {
        var limiter = Limiter(1);
        (await limiter.AcquireAsync("C1", Ct)).Dispose();
        _time.Advance(TimeSpan.FromSeconds(5));

        var next = limiter.AcquireAsync("C1", Ct);

        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_ReleasesTheTurn()
    {
        var limiter = Limiter(1);
        (await limiter.AcquireAsync("C1", Ct)).Dispose();
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync("C1", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _time.Advance(TimeSpan.FromSeconds(1));

        (await limiter.AcquireAsync("C1", Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct)).Dispose();
    }

    private SlackChannelRateLimiter Limiter(double perSecond) =>
        new(new StaticOptionsMonitor(new SlackOptions { MessagesPerSecondPerChannel = perSecond }), _time);

    private sealed class StaticOptionsMonitor(SlackOptions value) : IOptionsMonitor<SlackOptions>
    {
        public SlackOptions CurrentValue => value;

        public SlackOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
    }
}
