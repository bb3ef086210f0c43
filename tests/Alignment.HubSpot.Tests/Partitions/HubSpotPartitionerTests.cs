using System.Globalization;
using System.Numerics;
using Alignment.HubSpot.Partitions;
using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Crm;
using FsCheck;
using FsCheck.Fluent;
using static Alignment.HubSpot.Tests.Support.SeedAccounts;

namespace Alignment.HubSpot.Tests.Partitions;

public sealed class HubSpotPartitionerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool Holds(AccountRange range, BigInteger id) =>
        (range.From is null || id >= BigInteger.Parse(range.From, CultureInfo.InvariantCulture))
        && (range.To is null || id < BigInteger.Parse(range.To, CultureInfo.InvariantCulture));

    [Fact]
    public void Cut_EveryIdOfTheIntervalFallsInExactlyOneRange_AndTheEstimatesAddUp()
    {
        var cases =
            from min in Gen.Choose(1, 1_000_000)
            from width in Gen.Choose(0, 50_000)
            from total in Gen.Choose(1, 200_000)
            from size in Gen.Choose(1, 60_000)
            select (min, width, total, size);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var plan = HubSpotPartitioner.Cut(c.min, c.min + c.width, c.total, c.size);
            var probes = new[] { c.min - 5, c.min, c.min + (c.width / 3), c.min + (c.width / 2), c.min + c.width, c.min + c.width + 7 };
            return plan.Sum(r => r.Count) == c.total
                && plan[0].From is null && plan[^1].To is null
                && plan.Zip(plan.Skip(1)).All(p => p.First.To == p.Second.From)
                && probes.All(id => plan.Count(r => Holds(r, id)) == 1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task Plan_TheRangesReadBackEveryCompanyOnce_WithTwoSearchCalls()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(1_050));
        host.Requests.Clear();

        var plan = await host.Partitioner.PlanAsync(300, Ct);
        var planningCalls = host.Requests.Count;
        var read = new List<string>();
        foreach (var range in plan)
        {
            await foreach (var account in host.Crm.ReadAccountsAsync(new CrmReadRequest(null, AsOf.AddDays(-90), Range: range), Ct))
            {
                read.Add(account.Account.Id);
            }
        }

        Assert.Equal(2, planningCalls);
        Assert.Equal(4, plan.Count);
        Assert.Equal(1_050, plan.Sum(r => r.Count));
        Assert.Equal(1_050, read.Count);
        Assert.Equal(1_050, read.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Plan_SmallPortal_IsOneOpenRangeFromOneCall()
    {
        await using var host = await HubSpotTestHost.StartAsync(Many(20));
        host.Requests.Clear();

        var plan = await host.Partitioner.PlanAsync(1_000, Ct);

        Assert.Equal([new AccountRange(null, null, 20)], plan);
        Assert.Single(host.Requests);
    }
}
