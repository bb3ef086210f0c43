using System.Globalization;
using Alignment.Salesforce.Partitions;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sandbox.Salesforce;
using Alignment.Sync.Crm;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Salesforce.Tests.Partitions;

public sealed class SalesforcePartitionerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Which range of a plan holds an id (ordinal comparison, as SOQL compares ids).</summary>
    private static int[] Holders(IReadOnlyList<AccountRange> plan, string id) =>
        [.. plan.Select((r, i) => (r, i))
            .Where(x => (x.r.From is null || string.CompareOrdinal(id, x.r.From) >= 0) && (x.r.To is null || string.CompareOrdinal(id, x.r.To) < 0))
            .Select(x => x.i)];

    [Fact]
    public void Cut_CoversEveryIdExactlyOnce_InRangesOfThePartitionSize()
    {
        var cases =
            from count in Gen.Choose(0, 3_000)
            from size in Gen.Choose(1, 1_200)
            from seed in Gen.Choose(0, 1_000_000)
            select (count, size, seed);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var random = new Random(c.seed);
            var ids = Enumerable.Range(0, c.count)
                .Select(_ => "001" + random.NextInt64(0, 999_999_999_999).ToString("D12", CultureInfo.InvariantCulture) + "AAA")
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var plan = SalesforcePartitioner.CutAsync(ids.ToAsyncEnumerable(), c.size, CancellationToken.None).GetAwaiter().GetResult();

            return ids.All(id => Holders(plan, id).Length == 1)
                && plan.Sum(r => r.Count) == ids.Count
                && plan.Take(plan.Count - 1).All(r => r.Count == c.size)
                && plan[0].From is null && plan[^1].To is null
                && plan.Zip(plan.Skip(1)).All(p => p.First.To == p.Second.From)
                && Holders(plan, "000000000000000AAA").Length == 1 && Holders(plan, "zzzzzzzzzzzzzzzzzz").Length == 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task Cut_IdsOutOfOrder_IsRefusedWithTheIdsNamed()
    {
        var ex = await Assert.ThrowsAsync<CrmException>(() => SalesforcePartitioner.CutAsync(new[] { TestAccounts.Id(2), TestAccounts.Id(1) }.ToAsyncEnumerable(), 10, Ct));

        Assert.Equal("UNORDERED_IDS", ex.ErrorCode);
        Assert.Contains(TestAccounts.Id(1), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_SmallOrg_IsOneOpenRangeFromOneRestCall()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(40));
        host.Emulator.ResetRequestCounts();

        var plan = await host.Services.GetRequiredService<IAccountPartitioner>().PlanAsync(1_000, Ct);

        Assert.Equal([new AccountRange(null, null, 40)], plan);
        Assert.Equal(1, host.Emulator.Requests.Reads);
        Assert.Equal(0, host.Emulator.Requests.BulkQueryJobs);
    }

    [Fact]
    public async Task Plan_LargerOrg_StreamsTheIdsFromOneBulkJob_AndTheRangesReadBackEveryAccountOnce()
    {
        await using var host = await SalesforceTestHost.StartAsync(
            TestAccounts.Many(4_500),
            s =>
            {
                s["Alignment:Salesforce:BulkThreshold"] = "1000";
                s["Alignment:Salesforce:BulkPollInterval"] = "00:00:00.001";
                s["Alignment:Salesforce:BulkPollMaxInterval"] = "00:00:00.004";
            },
            new SalesforceEmulatorOptions { PublicKeyPem = TestKeys.PublicKeyPem });

        var plan = await host.Services.GetRequiredService<IAccountPartitioner>().PlanAsync(2_000, Ct);
        var read = new List<string>();
        foreach (var range in plan)
        {
            await foreach (var account in host.Crm.ReadAccountsAsync(new CrmReadRequest(null, TestAccounts.AsOf.AddDays(-90), Range: range), Ct))
            {
                read.Add(account.Account.Id);
            }
        }

        Assert.Equal([2_000, 2_000, 500], plan.Select(r => r.Count));
        Assert.Equal(Enumerable.Range(1, 4_500).Select(TestAccounts.Id), read.Order(StringComparer.Ordinal));
        Assert.Equal(4_500, read.Distinct(StringComparer.Ordinal).Count());
    }
}
