using System.Collections.Immutable;

namespace Alignment.Core.Calibration;

/// <summary>
/// Lift by score decile: the opportunities sorted by composite score, highest first (ties in opportunity id order, so
/// the table is deterministic), cut into ten groups whose sizes differ by at most one. Fewer than ten opportunities
/// give fewer, non-empty groups.
/// </summary>
public static class LiftTable
{
    public static ImmutableArray<LiftDecile> Build(IReadOnlyList<ScoredOpportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var n = opportunities.Count;
        if (n == 0)
        {
            return [];
        }

        var sorted = opportunities
            .OrderByDescending(o => o.Score.Score)
            .ThenBy(o => o.Opportunity.Id, StringComparer.Ordinal)
            .ToArray();
        var overall = (double)sorted.Count(o => o.Won) / n;
        var groups = Math.Min(10, n);
        var result = ImmutableArray.CreateBuilder<LiftDecile>(groups);
        for (var g = 0; g < groups; g++)
        {
            var start = (int)((long)g * n / groups);
            var end = (int)((long)(g + 1) * n / groups);
            var won = 0;
            int min = int.MaxValue, max = int.MinValue;
            for (var i = start; i < end; i++)
            {
                won += sorted[i].Won ? 1 : 0;
                min = Math.Min(min, sorted[i].Score.Score);
                max = Math.Max(max, sorted[i].Score.Score);
            }

            var count = end - start;
            var rate = (double)won / count;
            result.Add(new LiftDecile(g + 1, count, won, rate, overall == 0 ? 0 : rate / overall, min, max));
        }

        return result.MoveToImmutable();
    }
}
