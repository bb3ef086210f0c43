using Alignment.Core.Signals;
using Alignment.HubSpot.Tests.Crm;
using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Crm;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests.Http;

public sealed class HubSpotRateLimitTests
{
    private static readonly CrmReadRequest All = new(null, AsOf.AddDays(-90));

    [Fact]
    public async Task Read_TenSecondly429WithRetryAfter_WaitsAndSucceeds()
    {
        await using var host = await HubSpotTestHost.StartAsync([Make("1001", At(SignalKind.EmailReply, 1))]);
        host.Emulator.Faults.RateLimitNext(2);

        var read = await HubSpotCrmReadTests.ReadAllAsync(host.Crm, All);

        Assert.Single(Assert.Single(read).Account.Signals);
        Assert.Equal(2, host.Emulator.Counter["throttled"]);
        Assert.Equal(host.Requests.Count, host.Crm.GetUsage().Calls);
    }

    [Fact]
    public async Task Read_DailyLimit429_ThrowsBudgetExhaustedWithoutRetrying()
    {
        await using var host = await HubSpotTestHost.StartAsync([Make("1001")]);
        host.Emulator.Faults.DailyLimitReached = true;

        await Assert.ThrowsAsync<CrmBudgetExhaustedException>(() => HubSpotCrmReadTests.ReadAllAsync(host.Crm, All));

        Assert.Single(host.Requests);
    }

    [Fact]
    public async Task Read_ServerError_IsRetried()
    {
        await using var host = await HubSpotTestHost.StartAsync([Make("1001")]);
        host.Emulator.Faults.FailNext(2);

        var read = await HubSpotCrmReadTests.ReadAllAsync(host.Crm, All);

        Assert.Single(read);
        Assert.True(host.Requests.Count >= 3);
    }

    [Fact]
    public async Task Write_ServerErrorsBeyondTheRetries_ReportsTransientFailures()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(1), settings: new Dictionary<string, string?> { ["Alignment:HubSpot:MaxRetries"] = "1" });
        host.Emulator.Faults.FailNext(5);

        var result = await host.Crm.WriteAsync(
            [new AccountWrite("1000", new Core.Accounts.AlignmentState { Score = 1 }, new HashSet<AlignmentField> { AlignmentField.Score })],
            TestContext.Current.CancellationToken);

        var failure = Assert.Single(result.Failures);
        Assert.True(failure.Transient);
        Assert.Equal(2, host.Requests.Count);
    }

    [Fact]
    public async Task Calls_BeyondTheBurstBudget_AreThrottledBeforeHubSpotAnswers429()
    {
        // 12 calls per 2 s at the emulator; the client learns the limit from the headers and keeps a reserve of 5.
        await using var host = await HubSpotTestHost.StartAsync(
            Many(40, 1000),
            o => { o.RateLimitMax = 12; o.RateLimitInterval = TimeSpan.FromSeconds(2); },
            new Dictionary<string, string?> { ["Alignment:HubSpot:BurstLimit"] = "12", ["Alignment:HubSpot:BurstIntervalMilliseconds"] = "2000" });
        var ids = Enumerable.Range(1000, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        foreach (var id in ids.Take(4))
        {
            await host.Crm.GetAccountsAsync([id], AsOf, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, host.Emulator.Counter["throttled"]);
        Assert.True(host.Emulator.Counter.Total > 12);
    }

    [Fact]
    public async Task GetUsage_AfterCalls_ReportsCallsAndTheDailyBudget()
    {
        await using var host = await HubSpotTestHost.StartAsync([Make("1001")], o => o.DailyLimit = 1000);

        await host.Crm.GetAccountsAsync(["1001"], AsOf, TestContext.Current.CancellationToken);

        var usage = host.Crm.GetUsage();
        Assert.Equal(host.Requests.Count, usage.Calls);
        Assert.Equal(1000, usage.DailyLimit);
        Assert.Equal(host.Requests.Count, usage.DailyUsed);
    }

    [Fact]
    public async Task Calls_PastTheDailyShare_StopWithBudgetExhausted()
    {
        await using var host = await HubSpotTestHost.StartAsync(
            Many(1), o => o.DailyLimit = 10, new Dictionary<string, string?> { ["Alignment:HubSpot:MaxDailyApiShare"] = "0.3" });

        var error = await Assert.ThrowsAsync<CrmBudgetExhaustedException>(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await host.Crm.GetAccountsAsync(["1000"], AsOf, TestContext.Current.CancellationToken);
            }
        });

        Assert.Equal(10, error.Usage?.DailyLimit);
        Assert.True(host.Requests.Count <= 4);
    }
}
