using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Plan;
using Alignment.Sync.Scoring;
using Alignment.TestKit.Builders;
using Alignment.TestKit.Scoring;

namespace Alignment.Sync.Tests.Plan;

public sealed class PlanJobTests
{
    private readonly SyncHarness _h = new();

    [Fact]
    public async Task RunAsync_ReportsFieldChangesAndHandoffs_WritesNothing()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Warm("001WARM").WithCurrent(c => c with { Score = 38, Tier = Tier.Tier3 }));

        var report = await _h.PlanJob().RunAsync(new PlanRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Read);
        Assert.Equal(1, report.Handoffs);
        var hot = report.Accounts.Single(a => a.AccountId == "001HOT");
        Assert.Equal(("tier1-meeting", Tier.Tier1), (hot.Handoff!.Rule, hot.Handoff.Tier));
        Assert.Contains(new PlannedChange(AlignmentField.Tier, "None", "Tier1"), hot.Changes);
        var warm = report.Accounts.Single(a => a.AccountId == "001WARM");
        Assert.Contains(new PlannedChange(AlignmentField.Score, "38", "40"), warm.Changes);
        Assert.DoesNotContain(warm.Changes, c => c.Field == AlignmentField.Tier);

        Assert.Equal(0, _h.Crm.WriteCalls);
        Assert.Equal(0, _h.Checkpoints.SaveCount);
        Assert.Empty(_h.TierHistory.All);
        Assert.Empty(_h.Runs.All);
        Assert.Null(_h.Crm.Get("001HOT").Current.Score);
    }

    [Fact]
    public async Task RunAsync_AfterScoringRun_ReportsNothingToDo()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Warm("001WARM"));
        await _h.ScoreAsync();

        var report = await _h.PlanJob().RunAsync(new PlanRequest(), TestContext.Current.CancellationToken);

        Assert.Empty(report.Accounts);
        Assert.Equal(2, report.Unchanged);
    }

    [Fact]
    public async Task RunAsync_CandidateModel_TierMigrationAndTheModelVersionWave()
    {
        _h.Add(_h.Hot("001HOT"));
        _h.Add(SyncHarness.Warm("001WARM"));
        _h.Add(SyncHarness.Warm("001WARM2"));
        await _h.ScoreAsync();
        var model = DefaultScoringModel.Value;
        var stricter = AlignmentRules.From(model with
        {
            Version = "2027.01.0",
            Tiers = model.Tiers with { Tier3 = 95, DowngradeMargin = 0 },
        });

        var report = await _h.PlanJob(stricter).RunAsync(new PlanRequest(), TestContext.Current.CancellationToken);

        // The warm accounts fall out of Tier 3; the hot one keeps its tier and only gets the new version.
        Assert.Equal("2027.01.0", report.ModelVersion);
        Assert.Contains(new PlanTierMove(Tier.Tier3, Tier.None, 2), report.Migration);
        Assert.Contains(new PlanTierMove(Tier.Tier1, Tier.Tier1, 1), report.Migration);
        Assert.Equal(1, report.ModelVersionOnly);
        Assert.Equal((3, 1), (report.Writes, report.WriteCalls));
        Assert.All(report.Accounts, a => Assert.Contains(a.Changes, c => c.Field == AlignmentField.ModelVersion && c.New == "2027.01.0"));
        Assert.DoesNotContain(_h.Crm.Writes, w => w.Values.ModelVersion == "2027.01.0");
    }

    [Fact]
    public async Task RunAsync_OpenHandoffBreached_ReportsStatusAndAlertNotSent()
    {
        var handoffAt = new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);
        _h.Add(AccountBuilder.AnAccount().WithId("001A").WithOpenHandoff(handoffAt, handoffAt.AddHours(4), Tier.Tier2, "pricing-surge")
            .WithCurrent(c => c with { Score = 40, Fit = 100, Intent = 0, Engagement = 0, Tier = Tier.Tier3, ModelVersion = _h.Rules.ModelVersion, Reasons = null }));
        _h.Time.SetUtcNow(handoffAt.AddHours(5));

        var report = await _h.PlanJob().RunAsync(new PlanRequest(), TestContext.Current.CancellationToken);

        var account = Assert.Single(report.Accounts);
        Assert.Contains(account.Changes, c => c.Field == AlignmentField.SlaStatus && c.New == "Breached");
        Assert.Equal(AlertLevel.Breached, Assert.Single(account.Alerts).Level);
        Assert.Empty(_h.Channel.Delivered);
        Assert.Empty(_h.AlertLedger.All);
    }
}
