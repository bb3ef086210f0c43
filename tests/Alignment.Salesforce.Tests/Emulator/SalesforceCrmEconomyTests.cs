using Alignment.Core.Model;
using Alignment.Core.Signals;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;
using Alignment.TestKit.Paths;

namespace Alignment.Salesforce.Tests.Emulator;

/// <summary>
/// The call-count bounds of the issue on a small org (bench <c>salesforce-economy</c> measures 10,000 accounts): a rescore
/// that changes every account takes ceil(N/200) collection calls plus the read pages; a rerun that changes nothing writes nothing.
/// </summary>
public sealed class SalesforceCrmEconomyTests
{
    private const int Accounts = 1000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AccountPlanner Planner = new(AlignmentRules.From(
        ModelFileReader.Read(File.ReadAllText(RepoPaths.InRepo("config", "scoring.json"))).Model!));

    private static Signal[] Signals(int n) => n % 4 == 0
        ? [new Signal(SignalKind.PricingPageView, TestAccounts.AsOf.AddDays(-1), TestAccounts.ContactId(n)), new Signal(SignalKind.EmailReply, TestAccounts.AsOf.AddDays(-2), TestAccounts.ContactId(n), "Re: x")]
        : [];

    [Fact]
    public async Task Rescore_ThousandAccountsAllChanged_FiveWriteCallsAndTheReadPages()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(Accounts, Signals));

        var (read, written) = await RescoreAsync(host.Crm, since: null);

        Assert.Equal((Accounts, Accounts), (read, written));
        Assert.Equal(5, host.Emulator.Requests.Writes); // ceil(1000 / 200)
        Assert.True(host.Emulator.Requests.Reads <= 1 + 4, $"{host.Emulator.Requests.Reads} reads: one account page and ceil(1000/300) campaign-member queries expected.");
    }

    [Fact]
    public async Task Rescore_RerunWithNothingChanged_WritesNothing()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(Accounts, Signals));
        await RescoreAsync(host.Crm, since: null);
        host.Emulator.ResetRequestCounts();

        var (read, written) = await RescoreAsync(host.Crm, since: null);

        Assert.Equal((Accounts, 0), (read, written));
        Assert.Equal(0, host.Emulator.Requests.Writes);
    }

    [Fact]
    public async Task Rescore_IncrementalAfterTheFullRun_ReadsOurOwnWritesButWritesNothing()
    {
        await using var host = await SalesforceTestHost.StartAsync(TestAccounts.Many(Accounts, Signals));
        var before = (await host.Crm.ReadAccountsAsync(new CrmReadRequest(null, TestAccounts.AsOf.AddDays(-90)), Ct).ToListAsync(Ct)).Max(a => a.LastModifiedAt);
        await RescoreAsync(host.Crm, since: null);
        host.Emulator.ResetRequestCounts();

        var (read, written) = await RescoreAsync(host.Crm, since: before.AddTicks(1));

        Assert.Equal((Accounts, 0), (read, written));
        Assert.Equal(0, host.Emulator.Requests.Writes);
    }

    /// <summary>As the scoring run: plan every 200 accounts read (real scoring and diff at a fixed instant), write the changed ones.</summary>
    private static async Task<(int Read, int Written)> RescoreAsync(ICrm crm, DateTimeOffset? since)
    {
        var read = 0;
        var written = 0;
        var batch = new List<CrmAccount>();
        await foreach (var account in crm.ReadAccountsAsync(new CrmReadRequest(since, TestAccounts.AsOf.AddDays(-90)), Ct))
        {
            read++;
            batch.Add(account);
            if (batch.Count == 200)
            {
                written += await WriteAsync(crm, batch);
            }
        }

        written += await WriteAsync(crm, batch);
        return (read, written);
    }

    private static async Task<int> WriteAsync(ICrm crm, List<CrmAccount> batch)
    {
        var writes = batch.Select(a => Planner.Plan(a, null, TestAccounts.AsOf).Write).OfType<AccountWrite>().ToList();
        batch.Clear();
        if (writes.Count == 0)
        {
            return 0;
        }

        var result = await crm.WriteAsync(writes, Ct);
        Assert.Empty(result.Failures);
        return result.Written.Count;
    }
}
