using System.Text.Json.Nodes;
using Alignment.Core.Model;
using Alignment.Core.Scoring;
using Alignment.Core.Tests.Model;
using Alignment.TestKit.Scoring;
using static Alignment.TestKit.Scoring.TestAccounts;

namespace Alignment.Core.Tests.Scoring;

public sealed class FitScorerTests
{
    private readonly FitScorer _scorer = new(DefaultScoringModel.Value.Fit);

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0, 0)]
    [InlineData(49, 0)]
    [InlineData(50, 15)]
    [InlineData(199, 15)]
    [InlineData(200, 30)]
    [InlineData(4999, 30)]
    [InlineData(5000, 0)]
    public void Score_EmployeeBands_MinInclusiveMaxExclusive(int? employees, double expected)
    {
        Assert.Equal(expected, _scorer.Score(Empty() with { Employees = employees }));
    }

    [Theory]
    [InlineData("Software", 30)]
    [InlineData("software", 30)]
    [InlineData("INFORMATION TECHNOLOGY", 30)]
    [InlineData(" Fintech ", 30)]
    [InlineData("Soft ware", 0)]
    [InlineData("Retail", 0)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Score_Industry_CaseInsensitiveAnyOf(string? industry, double expected)
    {
        Assert.Equal(expected, _scorer.Score(Empty() with { Industry = industry }));
    }

    [Theory]
    [InlineData(new[] { "hubspot", "Marketo" }, 20)]
    [InlineData(new[] { "Salesforce", "HubSpot" }, 20)]
    [InlineData(new[] { "Marketo" }, 0)]
    [InlineData(new string[0], 0)]
    public void Score_Technologies_AnyMatchCountsOnce(string[] technologies, double expected)
    {
        Assert.Equal(expected, _scorer.Score(Empty() with { Technologies = [.. technologies] }));
    }

    [Theory]
    [InlineData("us", 20)]
    [InlineData("DE", 20)]
    [InlineData("FR", 0)]
    public void Score_Country_AnyOf(string country, double expected)
    {
        Assert.Equal(expected, _scorer.Score(Empty() with { Country = country }));
    }

    [Fact]
    public void Score_EverythingMet_SumCappedAtCap()
    {
        var model = ModelFileReader.Read(ModelJson.With(r => r.Obj("fit")["cap"] = 80)).Model!;
        var account = Empty() with { Employees = 300, Industry = "Fintech", Country = "GB", Technologies = ["HubSpot"] };

        Assert.Equal(100, _scorer.Score(account));
        Assert.Equal(80, new FitScorer(model.Fit).Score(account));
    }

    [Theory]
    [InlineData(9_999_999, 0)]
    [InlineData(10_000_000, 10)]
    [InlineData(50_000_000, 25)]
    [InlineData(2_000_000_000, 25)]
    public void Score_RevenueBands_OpenEndedBandHasNoMax(double revenue, double expected)
    {
        var model = ModelFileReader.Read(ModelJson.With(r => r.Criteria().Add(new JsonObject
        {
            ["id"] = "revenue",
            ["field"] = "annualRevenue",
            ["bands"] = new JsonArray(
                new JsonObject { ["min"] = 10_000_000, ["max"] = 50_000_000, ["points"] = 10 },
                new JsonObject { ["min"] = 50_000_000, ["points"] = 25 }),
        }))).Model!;

        Assert.Equal(expected, new FitScorer(model.Fit).Score(Empty() with { AnnualRevenue = (decimal)revenue }));
    }
}
