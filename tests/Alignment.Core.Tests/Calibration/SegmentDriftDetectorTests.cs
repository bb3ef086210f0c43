using Alignment.Core.Calibration;
using Alignment.TestKit.Calibration;
using Alignment.TestKit.Scoring;

namespace Alignment.Core.Tests.Calibration;

public sealed class SegmentDriftDetectorTests
{
    [Fact]
    public void Detect_PlantedWeakIndustry_IsFlagged()
    {
        var report = Calibrate(CalibrationOrg.Generate(3000, seed: 5, weakIndustry: "Fintech"));

        var flagged = report.Segments.Where(s => s.Flagged).ToList();
        var fintech = Assert.Single(flagged, s => s.Attribute == "industry");
        Assert.Equal("Fintech", fintech.Value);
        Assert.True(fintech.High < report.SegmentRule.OverallRate, $"{fintech.High} vs {report.SegmentRule.OverallRate}");
        Assert.True(fintech.Opportunities >= report.SegmentRule.MinimumOpportunities);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Detect_FairOrg_FlagsNothing(int seed)
    {
        var report = Calibrate(CalibrationOrg.Generate(3000, seed));

        Assert.True(report.SegmentRule.Tested > 5, $"only {report.SegmentRule.Tested} segments tested");
        Assert.DoesNotContain(report.Segments, s => s.Flagged);
    }

    [Fact]
    public void Detect_SmallSegment_NotTested()
    {
        var report = Calibrate(CalibrationOrg.Generate(3000, seed: 5, weakIndustry: "Fintech"), minimum: 100_000);

        Assert.All(report.Segments, s => Assert.False(s.Tested || s.Flagged));
        Assert.Equal(0, report.SegmentRule.Tested);
    }

    [Theory]
    [InlineData(null, "(none)")]
    [InlineData(0, "(none)")]
    [InlineData(1, "1-49")]
    [InlineData(49, "1-49")]
    [InlineData(50, "50-199")]
    [InlineData(999, "200-999")]
    [InlineData(4999, "1000-4999")]
    [InlineData(5000, "5000+")]
    public void EmployeeBand_Edges(int? employees, string band)
    {
        Assert.Equal(band, SegmentDriftDetector.EmployeeBand(employees));
    }

    [Fact]
    public void WilsonInterval_HalfOfTen_KnownValues()
    {
        var interval = WilsonInterval.Of(5, 10, 1.959964);

        Assert.Equal(0.2366, interval.Low, 4);
        Assert.Equal(0.7634, interval.High, 4);
    }

    [Fact]
    public void NormalQuantile_KnownValues()
    {
        Assert.Equal(1.959964, NormalQuantile.Of(0.975), 5);
        Assert.Equal(-2.326348, NormalQuantile.Of(0.01), 5);
        Assert.Equal(0, NormalQuantile.Of(0.5), 9);
    }

    private static CalibrationReport Calibrate(CalibrationOrg org, int minimum = 20) =>
        new Calibrator(DefaultScoringModel.Value, new CalibrationOptions { Resamples = 0, MinimumSegmentOpportunities = minimum })
            .Run(org.Accounts, org.Opportunities, org.AsOf, TestContext.Current.CancellationToken);
}
