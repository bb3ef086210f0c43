using Alignment.Core.Calibration;

namespace Alignment.Core.Tests.Calibration;

public sealed class ThresholdFitterTests
{
    [Fact]
    public void Fit_UniformScores_HitsCapacities()
    {
        // 101 scores × 100 accounts each (10,100): ≥ 96 holds 500 ≤ 5 % (505), ≥ 95 would hold 600; ≥ 81 holds 2,000 ≤ 20 %
        // (2,020); ≥ 51 holds 5,000 ≤ 50 % (5,050), ≥ 50 would hold 5,100.
        var counts = Enumerable.Repeat(100L, 101).ToArray();

        var thresholds = ThresholdFitter.Fit(counts, new TierCapacities(0.05, 0.15, 0.30));

        Assert.Equal((96, 81, 51), (thresholds.Tier1, thresholds.Tier2, thresholds.Tier3));
        Assert.True(thresholds.Tier1Share <= 0.05 && thresholds.Tier2Share <= 0.15 + 1e-9);
    }

    [Fact]
    public void Fit_AllTied_KeepsStrictOrder()
    {
        var counts = new long[101];
        counts[50] = 1000;

        var thresholds = ThresholdFitter.Fit(counts, TierCapacities.Default);

        Assert.True(thresholds.Tier1 > thresholds.Tier2 && thresholds.Tier2 > thresholds.Tier3 && thresholds.Tier3 >= 1);
        Assert.True(thresholds.Tier1 <= 100);
    }

    [Theory]
    [InlineData(0, 0.1, 0.1)]
    [InlineData(0.5, 0.4, 0.2)]
    [InlineData(1, 0.1, 0.1)]
    public void TierCapacities_Invalid_SaysWhy(double t1, double t2, double t3)
    {
        Assert.NotNull(new TierCapacities(t1, t2, t3).Validate());
    }
}
