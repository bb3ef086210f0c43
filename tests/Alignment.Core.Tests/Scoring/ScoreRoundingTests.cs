using Alignment.Core.Scoring;

namespace Alignment.Core.Tests.Scoring;

public sealed class ScoreRoundingTests
{
    [Theory]
    [InlineData(16.4999999999998, 17)] // an exact 16.5 computed in binary
    [InlineData(16.5, 17)]
    [InlineData(2.5, 3)] // away from zero, not to even
    [InlineData(16.49999, 16)]
    [InlineData(16.5000001, 17)]
    [InlineData(0.0, 0)]
    [InlineData(99.5, 100)]
    [InlineData(-0.5, -1)]
    public void Round_HalvesAwayFromZeroAfterNineDecimals(double value, int expected)
    {
        Assert.Equal(expected, ScoreRounding.Round(value));
    }
}
