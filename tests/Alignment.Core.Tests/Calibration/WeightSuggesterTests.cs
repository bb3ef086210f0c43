using Alignment.Core.Accounts;
using Alignment.Core.Calibration;
using Alignment.Core.Model;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Calibration;

public sealed class WeightSuggesterTests
{
    private static readonly ScoreWeights Current = new(0.4, 0.3, 0.3);

    [Fact]
    public void Suggest_OnlyFitPredicts_FitWeighsMost()
    {
        var random = new Random(3);
        var opportunities = Enumerable.Range(0, 1500).Select(i =>
        {
            int fit = random.Next(101), intent = random.Next(101), engagement = random.Next(101);
            return Scored(i, fit, intent, engagement, random.NextDouble() < 0.05 + (0.9 * fit / 100.0));
        }).ToList();

        var weights = WeightSuggester.Suggest(opportunities, Current, 5, 14);

        Assert.True(weights.Fitted, weights.Note);
        Assert.Equal(100, weights.Fit + weights.Intent + weights.Engagement);
        Assert.True(weights.Fit >= 80, $"fit {weights.Fit}, intent {weights.Intent}, engagement {weights.Engagement}");
        Assert.InRange(weights.CrossValidatedAuc!.Value, 0.7, 1);
    }

    [Fact]
    public void Suggest_TooFewOutcomes_KeepsCurrentWeights()
    {
        List<ScoredOpportunity> opportunities = [Scored(1, 50, 50, 50, true), Scored(2, 10, 10, 10, false)];

        var weights = WeightSuggester.Suggest(opportunities, Current, 5, 14);

        Assert.False(weights.Fitted);
        Assert.Equal((40, 30, 30), (weights.Fit, weights.Intent, weights.Engagement));
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0, 34, 33, 33)]
    [InlineData(0.2, 0.0, 0.0, 100, 0, 0)]
    [InlineData(0.123, 0.456, 0.789, 9, 33, 58)]
    public void Percent_SumsToHundred(double fit, double intent, double engagement, int f, int i, int e)
    {
        Assert.Equal((f, i, e), WeightSuggester.Percent([fit, intent, engagement]));
    }

    private static ScoredOpportunity Scored(int n, int fit, int intent, int engagement, bool won) =>
        new(new Opportunity($"o{n}", $"a{n}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, won, 100),
            new Account { Id = $"a{n}" },
            new PointInTimeScore(fit, intent, engagement, (int)Math.Round((0.4 * fit) + (0.3 * intent) + (0.3 * engagement)), Tier.None));
}
