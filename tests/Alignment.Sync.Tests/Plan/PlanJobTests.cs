using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Plan;
using Alignment.TestKit.Builders;

namespace Alignment.Sync.Tests.Plan;

public sealed class PlanJobTests
{
    private readonly SyncHarness h = new();

    [Fact]
    public async Task RunAsync_ReportsFieldChangesAndHandoffs_WritesNothing()
    {
        h.Add(h.Hot("001HOT"));
        h.Add(SyncHarness.Warm("001WARM").WithCurrent(c => c with { Score = 38, Tier = Tier.Tier3 }));

        var report = await h.PlanJob().RunAsync(new PlanRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Read);
        Assert.Equal(1, report.Handoffs);
        var hot = report.Accounts.Single(a => a.AccountId == "001HOT");
        Assert.Equal(("tier1-meeting", Tier.Tier1), (hot.Handoff!.Rule, hot.Handoff.Tier));
        Assert.Contains(new PlannedChange(AlignmentField.Tier, "None", "Tier1"), hot.Changes);
        var warm = report.Accounts.Single(a => a.AccountId == "001WARM");
        Assert.Contains(new PlannedChange(AlignmentField.Score, "38", "40"), warm.Changes);
        Assert.DoesNotContain(warm.Changes, c => c.Field == AlignmentField.Tier);

        Assert.Equal(0, h.Crm.WriteCalls);
        Assert.Equal(0, h.Checkpoints.SaveCount);
        Assert.Empty(h.TierHistory.All);
        Assert.Empty(h.Runs.All);
        Assert.Null(h.Crm.Get("001HOT").Current.Score);
    }

    [Fact]
    public async Task RunAsync_AfterScoringRun_ReportsNothingToDo()
    {
        h.Add(h.Hot("001HOT"));
        h.Add(SyncHarness.Warm("001WARM"));
        await h.ScoreAsync();

        var report = await h.PlanJob().RunAsync(new PlanRequest(), TestContext.Current.CancellationToken);

        Assert.Empty(report.Accounts);
        Assert.Equal(2, report.Unchanged);
    }

    [Fact]
    public async Task RunAsync_OpenHandoffBreached_ReportsStatusAndAlertNotSent()
    {
        var handoffAt = new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);
        h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(handoffAt, handoffAt.AddHours(4), Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { Score = 40, Fit = 100, Intent = 0, Engagement = 0, Tier = Tier.Tier3, ModelVersion = h.Rules.ModelVersion, Reasons = null }));
        h.Time.SetUtcNow(handoffAt.AddHours(5));

        var report = await h.PlanJob().RunAsync(new PlanRequest(), TestContext.Current.CancellationToken);

        var account = Assert.Single(report.Accounts);
        Assert.Contains(account.Changes, c => c.Field == AlignmentField.SlaStatus && c.New == "Breached");
        Assert.Equal(AlertLevel.Breached, Assert.Single(account.Alerts).Level);
        Assert.Empty(h.Channel.Delivered);
        Assert.Empty(h.AlertLedger.All);
    }
}
