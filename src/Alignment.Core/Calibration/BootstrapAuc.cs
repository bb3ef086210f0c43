using System.Collections.Immutable;

namespace Alignment.Core.Calibration;

/// <summary>
/// Percentile bootstrap intervals for the AUCs: <c>resamples</c> draws of n opportunities with replacement from a
/// <see cref="Random"/> seeded with <c>seed</c> (deterministic: same input, same interval), the same draw for every
/// dimension; the interval is the (1−level)/2 and (1+level)/2 quantiles of the resampled AUCs where defined.
/// </summary>
public static class BootstrapAuc
{
    public static ImmutableArray<AucEstimate> Estimate(
        IReadOnlyList<int[]> scoresByDimension, ReadOnlySpan<bool> won, int resamples, int seed, double level)
    {
        ArgumentNullException.ThrowIfNull(scoresByDimension);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level is in (0, 1).");
        }

        var dimensions = scoresByDimension.Count;
        var n = won.Length;
        var samples = new List<double>[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            samples[d] = new List<double>(resamples);
        }

        var random = new Random(seed);
        var wins = new long[dimensions * (RocAuc.MaxScore + 1)];
        var losses = new long[dimensions * (RocAuc.MaxScore + 1)];
        for (var r = 0; r < resamples && n > 0; r++)
        {
            Array.Clear(wins);
            Array.Clear(losses);
            for (var k = 0; k < n; k++)
            {
                var i = random.Next(n);
                var target = won[i] ? wins : losses;
                for (var d = 0; d < dimensions; d++)
                {
                    target[(d * (RocAuc.MaxScore + 1)) + scoresByDimension[d][i]]++;
                }
            }

            for (var d = 0; d < dimensions; d++)
            {
                var slice = new Range(d * (RocAuc.MaxScore + 1), (d + 1) * (RocAuc.MaxScore + 1));
                if (RocAuc.FromCounts(wins.AsSpan(slice), losses.AsSpan(slice)) is { } auc)
                {
                    samples[d].Add(auc);
                }
            }
        }

        var result = ImmutableArray.CreateBuilder<AucEstimate>(dimensions);
        for (var d = 0; d < dimensions; d++)
        {
            var scores = scoresByDimension[d];
            var auc = RocAuc.Compute(scores, won);
            double? low = null, high = null;
            if (auc is not null && samples[d].Count > 0)
            {
                samples[d].Sort();
                low = Quantile(samples[d], (1 - level) / 2);
                high = Quantile(samples[d], (1 + level) / 2);
            }

            result.Add(new AucEstimate((CalibrationDimension)d, auc, low, high, RocAuc.Curve(scores, won)));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The q-quantile of sorted values, linear between order statistics.</summary>
    internal static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
