using System.Collections.Immutable;

namespace Alignment.Core.Calibration;

/// <summary>
/// ROC AUC by the Mann-Whitney statistic: the probability that a won opportunity scores higher than a lost one, a tie
/// counting one half. 0.5 is no signal, 1 perfect separation, 0 perfectly inverted. Undefined (null) without at least
/// one won and one lost opportunity.
/// </summary>
public static class RocAuc
{
    /// <summary>Highest integer score (scores are 0..100).</summary>
    public const int MaxScore = 100;

    /// <summary>
    /// AUC from counts per integer score: <paramref name="won"/>[s] and <paramref name="lost"/>[s] are the won and lost
    /// opportunities scoring s. O(scores), no allocation.
    /// </summary>
    public static double? FromCounts(ReadOnlySpan<long> won, ReadOnlySpan<long> lost)
    {
        if (won.Length != lost.Length)
        {
            throw new ArgumentException("The won and lost counts must have one entry per score.", nameof(lost));
        }

        long positives = 0, negatives = 0;
        double pairs = 0;
        for (var s = 0; s < won.Length; s++)
        {
            // Won at s beat every lost below s and tie with the lost at s.
            pairs += won[s] * (negatives + (0.5 * lost[s]));
            negatives += lost[s];
            positives += won[s];
        }

        return positives == 0 || negatives == 0 ? null : pairs / ((double)positives * negatives);
    }

    /// <summary>AUC of integer scores in 0..<see cref="MaxScore"/>.</summary>
    public static double? Compute(ReadOnlySpan<int> scores, ReadOnlySpan<bool> won)
    {
        Span<long> wins = stackalloc long[MaxScore + 1];
        Span<long> losses = stackalloc long[MaxScore + 1];
        Count(scores, won, wins, losses);
        return FromCounts(wins, losses);
    }

    /// <summary>AUC of real-valued scores (midranks for ties): O(n log n).</summary>
    public static double? Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> won)
    {
        if (scores.Length != won.Length)
        {
            throw new ArgumentException("One outcome per score.", nameof(won));
        }

        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        long positives = 0, negatives = 0;
        double pairs = 0;
        var start = 0;
        while (start < keys.Length)
        {
            var end = start;
            long tiedWon = 0, tiedLost = 0;
            while (end < keys.Length && keys[end] == keys[start])
            {
                if (won[order[end]])
                {
                    tiedWon++;
                }
                else
                {
                    tiedLost++;
                }

                end++;
            }

            pairs += tiedWon * (negatives + (0.5 * tiedLost));
            negatives += tiedLost;
            positives += tiedWon;
            start = end;
        }

        return positives == 0 || negatives == 0 ? null : pairs / ((double)positives * negatives);
    }

    /// <summary>The ROC curve of integer scores: one point per threshold from 101 (nothing selected) down to 0 (everything).</summary>
    public static ImmutableArray<RocPoint> Curve(ReadOnlySpan<int> scores, ReadOnlySpan<bool> won)
    {
        Span<long> wins = stackalloc long[MaxScore + 1];
        Span<long> losses = stackalloc long[MaxScore + 1];
        Count(scores, won, wins, losses);
        long positives = 0, negatives = 0;
        for (var s = 0; s <= MaxScore; s++)
        {
            positives += wins[s];
            negatives += losses[s];
        }

        var points = ImmutableArray.CreateBuilder<RocPoint>(MaxScore + 2);
        long tp = 0, fp = 0;
        points.Add(new RocPoint(MaxScore + 1, 0, 0));
        for (var t = MaxScore; t >= 0; t--)
        {
            tp += wins[t];
            fp += losses[t];
            points.Add(new RocPoint(t, negatives == 0 ? 0 : (double)fp / negatives, positives == 0 ? 0 : (double)tp / positives));
        }

        return points.MoveToImmutable();
    }

    internal static void Count(ReadOnlySpan<int> scores, ReadOnlySpan<bool> won, Span<long> wins, Span<long> losses)
    {
        if (scores.Length != won.Length)
        {
            throw new ArgumentException("One outcome per score.", nameof(won));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if ((uint)score > MaxScore)
            {
                throw new ArgumentOutOfRangeException(nameof(scores), score, "Integer scores are 0..100.");
            }

            if (won[i])
            {
                wins[score]++;
            }
            else
            {
                losses[score]++;
            }
        }
    }
}
