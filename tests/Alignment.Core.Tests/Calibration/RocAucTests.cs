using Alignment.Core.Calibration;

namespace Alignment.Core.Tests.Calibration;

public sealed class RocAucTests
{
    [Fact]
    public void Compute_AllTied_IsOneHalf()
    {
        Assert.Equal(0.5, RocAuc.Compute(new[] { 40, 40, 40, 40 }, new[] { true, false, true, false }));
    }

    [Fact]
    public void Compute_PerfectSeparation_IsOne()
    {
        Assert.Equal(1.0, RocAuc.Compute(new[] { 90, 80, 20, 10 }, new[] { true, true, false, false }));
    }

    [Fact]
    public void Compute_Inverted_IsZero()
    {
        Assert.Equal(0.0, RocAuc.Compute(new[] { 10, 20, 80, 90 }, new[] { true, true, false, false }));
    }

    [Fact]
    public void Compute_MixedWithTie_HandComputed()
    {
        // Won 3 and 5, lost 1 and 3: pairs (3,1)=1, (3,3)=½, (5,1)=1, (5,3)=1 → 3.5 / 4.
        Assert.Equal(0.875, RocAuc.Compute(new[] { 3, 5, 1, 3 }, new[] { true, true, false, false }));
    }

    [Fact]
    public void Compute_OnlyOneOutcome_IsNull()
    {
        Assert.Null(RocAuc.Compute(new[] { 3, 5 }, new[] { true, true }));
        Assert.Null(RocAuc.Compute(ReadOnlySpan<int>.Empty, ReadOnlySpan<bool>.Empty));
    }

    [Fact]
    public void Compute_RealValued_MatchesIntegerCounts()
    {
        var random = new Random(7);
        var scores = Enumerable.Range(0, 500).Select(_ => random.Next(101)).ToArray();
        var won = scores.Select(s => random.NextDouble() < s / 100.0).ToArray();

        var fromCounts = RocAuc.Compute(scores, won);
        var fromRanks = RocAuc.Compute(scores.Select(s => (double)s).ToArray(), won);

        Assert.NotNull(fromCounts);
        Assert.Equal(fromCounts.Value, fromRanks!.Value, 12);
    }

    [Fact]
    public void Curve_GoesFromOriginToOneOne()
    {
        var curve = RocAuc.Curve(new[] { 3, 5, 1, 3 }, new[] { true, true, false, false });

        Assert.Equal(new RocPoint(101, 0, 0), curve[0]);
        Assert.Equal(new RocPoint(0, 1, 1), curve[^1]);
        Assert.Equal(new RocPoint(3, 0.5, 1), curve[101 - 3]);
    }
}
