namespace Alignment.Core.Calibration;

/// <summary>
/// Tier thresholds for target capacities: Tier1 is the lowest score t at which at most capacity₁ of the accounts score
/// ≥ t; Tier2 the lowest t below Tier1 with at most capacity₁ + capacity₂; Tier3 likewise with all three. When ties
/// make a capacity unreachable the threshold sits just below the one above (strict order kept, Tier3 ≥ 1).
/// </summary>
public static class ThresholdFitter
{
    /// <param name="scoreCounts">Accounts per composite score 0..100 (length 101).</param>
    /// <param name="capacities">The target shares.</param>
    public static SuggestedThresholds Fit(ReadOnlySpan<long> scoreCounts, TierCapacities capacities)
    {
        ArgumentNullException.ThrowIfNull(capacities);
        if (scoreCounts.Length != RocAuc.MaxScore + 1)
        {
            throw new ArgumentException("One count per score 0..100.", nameof(scoreCounts));
        }

        Span<long> atLeast = stackalloc long[RocAuc.MaxScore + 2];
        for (var s = RocAuc.MaxScore; s >= 0; s--)
        {
            atLeast[s] = atLeast[s + 1] + scoreCounts[s];
        }

        var total = (double)atLeast[0];
        var t1 = Lowest(atLeast, 3, RocAuc.MaxScore, capacities.Tier1 * total);
        var t2 = Lowest(atLeast, 2, t1 - 1, (capacities.Tier1 + capacities.Tier2) * total);
        var t3 = Lowest(atLeast, 1, t2 - 1, (capacities.Tier1 + capacities.Tier2 + capacities.Tier3) * total);
        return total == 0
            ? new SuggestedThresholds(t1, t2, t3, 0, 0, 0)
            : new SuggestedThresholds(t1, t2, t3, atLeast[t1] / total, (atLeast[t2] - atLeast[t1]) / total, (atLeast[t3] - atLeast[t2]) / total);
    }

    /// <summary>The lowest t in [low, high] with atLeast[t] ≤ cap; <paramref name="high"/> when none.</summary>
    private static int Lowest(ReadOnlySpan<long> atLeast, int low, int high, double cap)
    {
        for (var t = low; t <= high; t++)
        {
            if (atLeast[t] <= cap + 1e-9)
            {
                return t;
            }
        }

        return high;
    }
}
