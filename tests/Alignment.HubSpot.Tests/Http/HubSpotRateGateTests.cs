using System.Net;
using System.Net.Http.Headers;
using Alignment.HubSpot.Http;
using Microsoft.Extensions.Time.Testing;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests.Http;

/// <summary>The client-side throttle on a fake clock: when a call is let through, never how long it took.</summary>
public sealed class HubSpotRateGateTests
{
    private readonly FakeTimeProvider _clock = new(AsOf);

    private HubSpotRateGate Gate(Action<HubSpotOptions>? configure = null)
    {
        var options = new HubSpotOptions { AccessToken = "x" };
        configure?.Invoke(options);
        return new HubSpotRateGate(_clock, Microsoft.Extensions.Options.Options.Create(options));
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    [Fact]
    public async Task WaitTurnAsync_SecondSearchWithinTheSearchSpacing_WaitsForItWhileOtherCallsPass()
    {
        var gate = Gate(o => o.SearchRequestsPerSecond = 4);
        await gate.WaitTurnAsync(search: true, TestContext.Current.CancellationToken);

        var search = gate.WaitTurnAsync(search: true, TestContext.Current.CancellationToken).AsTask();
        var other = gate.WaitTurnAsync(search: false, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(249));

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(search.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await search;
        Assert.Equal(3, gate.Usage.Calls);
    }

    [Fact]
    public async Task Observe_TenSecondly429WithRetryAfter_HoldsCallsForThatLong()
    {
        var gate = Gate();
        await gate.WaitTurnAsync(search: false, TestContext.Current.CancellationToken);
        using var answer = Answer(HttpStatusCode.TooManyRequests);
        answer.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        gate.Observe(answer, search: false);
        var next = gate.WaitTurnAsync(search: false, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(2999));

        Assert.False(next.IsCompleted);
        Assert.Equal(1, gate.Throttled);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await next;
    }

    [Fact]
    public async Task Observe_RemainingDownToTheReserve_WaitsForTheWindowToRollBeforeA429()
    {
        var gate = Gate(o => o.BurstReserve = 5);
        await gate.WaitTurnAsync(search: false, TestContext.Current.CancellationToken);
        using var answer = Answer(HttpStatusCode.OK, ("X-HubSpot-RateLimit-Remaining", "5"), ("X-HubSpot-RateLimit-Max", "100"));

        gate.Observe(answer, search: false);
        var next = gate.WaitTurnAsync(search: false, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(9_999));

        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await next;
    }

    [Fact]
    public async Task Observe_MaxAndIntervalHeaders_ReplaceTheAssumedBudget()
    {
        var gate = Gate(o => { o.BurstLimit = 100; o.BurstReserve = 5; });
        using var answer = Answer(HttpStatusCode.OK, ("X-HubSpot-RateLimit-Max", "8"), ("X-HubSpot-RateLimit-Interval-Milliseconds", "1000"));
        gate.Observe(answer, search: false);

        for (var i = 0; i < 3; i++)
        {
            await gate.WaitTurnAsync(search: false, TestContext.Current.CancellationToken);
        }

        var fourth = gate.WaitTurnAsync(search: false, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.False(fourth.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        await fourth;
        Assert.Equal(4, gate.Usage.Calls);
    }

    [Fact]
    public void Observe_DailyHeaders_AreReportedInTheUsage()
    {
        var gate = Gate();
        using var answer = Answer(HttpStatusCode.OK, ("X-HubSpot-RateLimit-Daily", "250000"), ("X-HubSpot-RateLimit-Daily-Remaining", "249000"));

        gate.Observe(answer, search: false);

        Assert.Equal((1000L, 250_000L), (gate.Usage.DailyUsed!.Value, gate.Usage.DailyLimit!.Value));
    }
}
