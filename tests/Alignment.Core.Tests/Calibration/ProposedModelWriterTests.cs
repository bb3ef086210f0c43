using System.Text.Json.Nodes;
using Alignment.Core.Calibration;
using Alignment.Core.Model;
using Alignment.TestKit.Calibration;
using Alignment.TestKit.Scoring;

namespace Alignment.Core.Tests.Calibration;

public sealed class ProposedModelWriterTests
{
    [Fact]
    public void Write_ProposedModel_LoadsAndValidates()
    {
        var org = CalibrationOrg.Generate(1500, seed: 9);
        var report = new Calibrator(DefaultScoringModel.Value, new CalibrationOptions { Resamples = 0 }).Run(org.Accounts, org.Opportunities, org.AsOf, TestContext.Current.CancellationToken);

        var text = ProposedModelWriter.Write(DefaultScoringModel.Json, report.Proposal);
        var read = ModelFileReader.Read(text);

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        var model = read.Model;
        Assert.Equal("2026.11.1", model.Version);
        Assert.Equal(report.Proposal.Weights.Fit / 100.0, model.Weights.Fit, 12);
        Assert.Equal(report.Proposal.Weights.Engagement / 100.0, model.Weights.Engagement, 12);
        Assert.Equal((report.Proposal.Thresholds.Tier1, report.Proposal.Thresholds.Tier2, report.Proposal.Thresholds.Tier3), (model.Tiers.Tier1, model.Tiers.Tier2, model.Tiers.Tier3));
        Assert.Equal(DefaultScoringModel.Value.Tiers.DowngradeMargin, model.Tiers.DowngradeMargin);
    }

    [Fact]
    public void Write_KeepsEveryOtherSection()
    {
        var org = CalibrationOrg.Generate(500, seed: 2);
        var report = new Calibrator(DefaultScoringModel.Value, new CalibrationOptions { Resamples = 0 }).Run(org.Accounts, org.Opportunities, org.AsOf, TestContext.Current.CancellationToken);

        var original = JsonNode.Parse(DefaultScoringModel.Json)!.AsObject();
        var proposed = JsonNode.Parse(ProposedModelWriter.Write(DefaultScoringModel.Json, report.Proposal))!.AsObject();

        foreach (var name in new[] { "fit", "intent", "engagement", "handoff", "sla" })
        {
            Assert.True(JsonNode.DeepEquals(original[name], proposed[name]), name);
        }
    }

    [Theory]
    [InlineData("2026.11.0", "2026.11.1")]
    [InlineData("2026.11.9", "2026.11.10")]
    [InlineData("7", "8")]
    [InlineData("2026.11-rc", "2026.11-rc.1")]
    public void BumpVersion_LastNumberPlusOne(string version, string next)
    {
        Assert.Equal(next, Calibrator.BumpVersion(version));
    }
}
