using Alignment.Core.Calibration;
using Alignment.Sandbox.Generation;
using Alignment.TestKit.Scoring;

namespace Alignment.Cli.Tests.Generation;

public sealed class OpportunityGeneratorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_SameSeed_SameOpportunities()
    {
        var org = OrgGenerator.Generate(new OrgGeneratorOptions { Seed = 7, AccountCount = 300 }, AsOf);

        Assert.Equal(OpportunityGenerator.Generate(org, 7), OpportunityGenerator.Generate(org, 7));
    }

    [Fact]
    public void Generate_ClosedOnesAreBeforeAsOfAndAfterCreation()
    {
        var org = OrgGenerator.Generate(new OrgGeneratorOptions { Seed = 3, AccountCount = 1000 }, AsOf);

        var opportunities = OpportunityGenerator.Generate(org, 3);

        Assert.True(opportunities.Length > 100, $"{opportunities.Length} opportunities");
        Assert.Contains(opportunities, o => !o.IsClosed);
        Assert.All(opportunities.Where(o => o.IsClosed), o => Assert.InRange(o.ClosedAt!.Value, o.CreatedAt, AsOf));
        Assert.Equal(opportunities.Length, opportunities.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Generate_DemoOrg_OutcomesCarrySignalTheModelSees()
    {
        var org = OrgGenerator.Generate(new OrgGeneratorOptions { Seed = 42, AccountCount = 3000 }, AsOf);
        var opportunities = OpportunityGenerator.Generate(org, 42);

        var report = new Calibrator(DefaultScoringModel.Value, new CalibrationOptions { Resamples = 200 })
            .Run([.. org.Accounts], opportunities, AsOf, TestContext.Current.CancellationToken);

        var composite = report.Dimensions.Single(d => d.Dimension == CalibrationDimension.Composite);
        Assert.True(composite.Low > 0.55, $"composite AUC {composite.Auc} [{composite.Low}, {composite.High}] over {report.Opportunities} opportunities");
    }
}
