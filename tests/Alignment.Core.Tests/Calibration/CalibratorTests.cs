using Alignment.Core.Calibration;
using Alignment.Core.Tiers;
using Alignment.TestKit.Builders;
using Alignment.TestKit.Calibration;
using Alignment.TestKit.Scoring;

namespace Alignment.Core.Tests.Calibration;

public sealed class CalibratorTests
{
    private static readonly DateTimeOffset Created = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_SkipsByReason()
    {
        var account = AccountBuilder.AnAccount().WithId("a1").Build();
        Opportunity[] opportunities =
        [
            new("o1", "a1", Created, Created.AddDays(30), true, 100),
            new("o2", "missing", Created, Created.AddDays(30), true, 100),
            new("o3", "a1", Created, null, null, 100),
            new("o4", "a1", Created, Created.AddDays(-1), false, 100),
            new("o5", "a1", Created, Created.AddDays(1), false, null),
        ];

        var report = new Calibrator(DefaultScoringModel.Value, new CalibrationOptions { Resamples = 10 }).Run([account], opportunities, Created, TestContext.Current.CancellationToken);

        Assert.Equal((2, 1), (report.Opportunities, report.Won));
        Assert.Equal(1, report.Skipped[OpportunitySkipReason.UnknownAccount]);
        Assert.Equal(1, report.Skipped[OpportunitySkipReason.NotClosed]);
        Assert.Equal(1, report.Skipped[OpportunitySkipReason.ClosedBeforeCreated]);
    }

    [Fact]
    public void Run_GeneratedOrg_DimensionsCarrySignalAndTiersOrderWinRates()
    {
        var org = CalibrationOrg.Generate(2000, seed: 4);

        var report = new Calibrator(DefaultScoringModel.Value, new CalibrationOptions { Resamples = 200 }).Run(org.Accounts, org.Opportunities, org.AsOf, TestContext.Current.CancellationToken);

        var composite = report.Dimensions.Single(d => d.Dimension == CalibrationDimension.Composite);
        Assert.True(composite.Low > 0.6, $"composite AUC {composite.Auc} [{composite.Low}, {composite.High}]");
        Assert.Equal(10, report.Lift.Length);
        Assert.True(report.Lift[0].Lift > report.Lift[^1].Lift);
        Assert.Equal(2000, report.Lift.Sum(d => d.Opportunities));
        var tier1 = report.Tiers.Single(t => t.Tier == Tier.Tier1);
        var none = report.Tiers.Single(t => t.Tier == Tier.None);
        Assert.True(tier1.WinRate > none.WinRate, $"{tier1.WinRate} vs {none.WinRate}");
        Assert.Equal(org.Accounts.Length, report.Migration.Sum(c => c.Accounts));
        Assert.Equal(16, report.Migration.Length);
    }

    [Fact]
    public void Run_SameInputAndSeed_SameReport()
    {
        var org = CalibrationOrg.Generate(600, seed: 8);
        var calibrator = new Calibrator(DefaultScoringModel.Value, new CalibrationOptions { Resamples = 100, Seed = 3 });

        var first = calibrator.Run(org.Accounts, org.Opportunities, org.AsOf, TestContext.Current.CancellationToken);
        var second = calibrator.Run(org.Accounts, org.Opportunities, org.AsOf, TestContext.Current.CancellationToken);

        Assert.Equal(first.Dimensions.Select(d => (d.Auc, d.Low, d.High)), second.Dimensions.Select(d => (d.Auc, d.Low, d.High)));
        Assert.Equal(first.Proposal.Weights.CrossValidatedAuc, second.Proposal.Weights.CrossValidatedAuc);
    }

    [Fact]
    public void Run_LateSignals_DoNotChangeTheReport()
    {
        var org = CalibrationOrg.Generate(400, seed: 1);
        var moreLate = org.Accounts.Select(a => a with
        {
            Signals = [.. a.Signals, new Core.Signals.Signal(Core.Signals.SignalKind.MeetingBooked, org.Opportunities.Single(o => o.AccountId == a.Id).CreatedAt.AddMinutes(1), "x")],
        }).ToArray();
        var calibrator = new Calibrator(DefaultScoringModel.Value, new CalibrationOptions { Resamples = 50 });

        var plain = calibrator.Run(org.Accounts, org.Opportunities, org.AsOf, TestContext.Current.CancellationToken);
        var late = calibrator.Run(moreLate, org.Opportunities, org.AsOf, TestContext.Current.CancellationToken);

        Assert.Equal(plain.Dimensions.Select(d => (d.Auc, d.Low, d.High)), late.Dimensions.Select(d => (d.Auc, d.Low, d.High)));
        Assert.Equal(plain.Tiers, late.Tiers);
    }
}
