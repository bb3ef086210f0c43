using System.Collections.Immutable;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Model;
using Alignment.Core.Scoring;
using Alignment.Core.Tiers;

namespace Alignment.Core.Calibration;

/// <summary>
/// Segment drift: among the closed opportunities whose account was high tier (Tier1 or Tier2) at creation, segments
/// (industry, employee band, country, and met / not met for each fit criterion of the model) whose win rate is
/// materially below the overall high-tier win rate p̂. Rule (docs/calibration.md): a segment is tested when it has at
/// least the minimum count of high-tier opportunities; with m segments tested, each gets a two-sided Wilson interval at
/// level 1 − (1 − level)/m (Bonferroni, so the chance of any false flag in a fair org is at most 1 − level); it is
/// flagged when the whole interval lies below p̂ AND its win rate is at least the material gap below p̂.
/// </summary>
public sealed class SegmentDriftDetector
{
    private static readonly (int Min, int? Max)[] EmployeeBands = [(1, 50), (50, 200), (200, 1000), (1000, 5000), (5000, null)];

    private readonly FitScorer _fit;
    private readonly int _minimum;
    private readonly double _level;
    private readonly double _gap;

    /// <param name="model">The model whose fit criteria define the <c>fit:</c> segments.</param>
    /// <param name="minimumOpportunities">Fewest high-tier opportunities for a segment to be tested (≥ 1).</param>
    /// <param name="level">Family-wise confidence level, in (0, 1).</param>
    /// <param name="materialGap">Least gap between p̂ and a flagged segment's win rate, in [0, 1] (0.10 = 10 points).</param>
    public SegmentDriftDetector(AlignmentModel model, int minimumOpportunities, double level, double materialGap)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumOpportunities);
        if (level is <= 0 or >= 1 || materialGap is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), "The level is in (0, 1) and the material gap in [0, 1].");
        }

        _fit = new FitScorer(model.Fit);
        _minimum = minimumOpportunities;
        this._level = level;
        _gap = materialGap;
    }

    /// <summary>Whether a tier counts as high tier for drift.</summary>
    public static bool IsHighTier(Tier tier) => tier is Tier.Tier1 or Tier.Tier2;

    public (ImmutableArray<SegmentDrift> Segments, SegmentRule Rule) Detect(IReadOnlyList<ScoredOpportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var counts = new SortedDictionary<(string Attribute, string Value), (int Count, int Won)>(Comparer<(string, string)>.Create(
            (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var c && c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2)));
        int total = 0, totalWon = 0;
        foreach (var o in opportunities)
        {
            if (!IsHighTier(o.Score.Tier))
            {
                continue;
            }

            total++;
            totalWon += o.Won ? 1 : 0;
            foreach (var key in SegmentsOf(o.Account))
            {
                counts.TryGetValue(key, out var value);
                counts[key] = (value.Count + 1, value.Won + (o.Won ? 1 : 0));
            }
        }

        double? overall = total == 0 ? null : (double)totalWon / total;
        var tested = overall is null ? 0 : counts.Values.Count(v => v.Count >= _minimum);
        var z = NormalQuantile.Of(1 - ((1 - _level) / (2 * Math.Max(1, tested))));
        var result = ImmutableArray.CreateBuilder<SegmentDrift>(counts.Count);
        foreach (var ((attribute, value), (count, won)) in counts)
        {
            var rate = (double)won / count;
            if (overall is not { } p || count < _minimum)
            {
                result.Add(new SegmentDrift(attribute, value, count, won, rate, null, null, Tested: false, Flagged: false));
                continue;
            }

            var interval = WilsonInterval.Of(won, count, z);
            var flagged = interval.High < p && rate <= p - _gap;
            result.Add(new SegmentDrift(attribute, value, count, won, rate, interval.Low, interval.High, Tested: true, flagged));
        }

        return (result.ToImmutable(), new SegmentRule(overall, total, _minimum, _level, tested, z, _gap));
    }

    /// <summary>The segments an account belongs to, one per attribute.</summary>
    public IEnumerable<(string Attribute, string Value)> SegmentsOf(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        yield return ("industry", Text(account.Industry));
        yield return ("employees", EmployeeBand(account.Employees));
        yield return ("country", Text(account.Country));
        for (var i = 0; i < _fit.CriterionCount; i++)
        {
            yield return ("fit:" + _fit.CriterionAt(i).Id, _fit.PointsOf(i, account, out _) > 0 ? "met" : "not met");
        }
    }

    /// <summary>The employee band of a head count: 1-49, 50-199, 200-999, 1000-4999, 5000+, or (none).</summary>
    public static string EmployeeBand(int? employees)
    {
        if (employees is not { } count || count < 1)
        {
            return "(none)";
        }

        foreach (var (min, max) in EmployeeBands)
        {
            if (count >= min && (max is not { } upper || count < upper))
            {
                return max is { } m
                    ? string.Create(CultureInfo.InvariantCulture, $"{min}-{m - 1}")
                    : string.Create(CultureInfo.InvariantCulture, $"{min}+");
            }
        }

        return "(none)";
    }

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "(none)" : value.Trim();
}
