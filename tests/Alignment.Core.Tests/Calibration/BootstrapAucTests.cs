using Alignment.Core.Calibration;

namespace Alignment.Core.Tests.Calibration;

public sealed class BootstrapAucTests
{
    [Fact]
    public void Estimate_SameSeed_SameInterval()
    {
        var (scores, won) = Sample();

        var first = BootstrapAuc.Estimate([scores], won, 200, 14, 0.95)[0];
        var second = BootstrapAuc.Estimate([scores], won, 200, 14, 0.95)[0];

        Assert.Equal((first.Low, first.High), (second.Low, second.High));
    }

    [Fact]
    public void Estimate_IntervalContainsAuc()
    {
        var (scores, won) = Sample();

        var estimate = BootstrapAuc.Estimate([scores], won, 500, 3, 0.95)[0];

        Assert.NotNull(estimate.Auc);
        Assert.InRange(estimate.Auc.Value, estimate.Low!.Value, estimate.High!.Value);
        Assert.True(estimate.High - estimate.Low is > 0 and < 0.2, $"{estimate.Low}..{estimate.High}");
    }

    [Fact]
    public void Estimate_NoResamples_NoInterval()
    {
        var (scores, won) = Sample();

        var estimate = BootstrapAuc.Estimate([scores], won, 0, 1, 0.95)[0];

        Assert.NotNull(estimate.Auc);
        Assert.Null(estimate.Low);
    }

    private static (int[] Scores, bool[] Won) Sample()
    {
        var random = new Random(11);
        var scores = Enumerable.Range(0, 400).Select(_ => random.Next(101)).ToArray();
        var won = scores.Select(s => random.NextDouble() < s / 100.0).ToArray();
        return (scores, won);
    }
}
