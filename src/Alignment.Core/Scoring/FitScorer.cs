using Alignment.Core.Accounts;
using Alignment.Core.Model;

namespace Alignment.Core.Scoring;

/// <summary>Fit: the points of the ICP criteria an account meets, summed and capped. Missing values score 0.</summary>
public sealed class FitScorer
{
    private readonly FitCriterion[] criteria;
    private readonly FitBand[][] bands;
    private readonly string[][] anyOf;
    private readonly double cap;

    public FitScorer(FitModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        criteria = [.. model.Criteria];
        bands = [.. model.Criteria.Select(c => c.Bands.ToArray())];
        anyOf = [.. model.Criteria.Select(c => c.AnyOf.ToArray())];
        cap = model.Cap;
    }

    /// <summary>The unrounded fit score, in [0, cap].</summary>
    public double Score(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        double sum = 0;
        for (var i = 0; i < criteria.Length; i++)
        {
            sum += PointsOf(i, account, out _);
        }

        return Math.Min(sum, cap);
    }

    /// <summary>Points criterion <paramref name="index"/> gives the account; <paramref name="band"/> is the matched band, if numeric.</summary>
    internal double PointsOf(int index, Account account, out FitBand? band)
    {
        band = null;
        var criterion = criteria[index];
        switch (criterion.Field)
        {
            case FitField.Employees:
                return account.Employees is { } employees ? BandPoints(bands[index], employees, out band) : 0;
            case FitField.AnnualRevenue:
                return account.AnnualRevenue is { } revenue ? BandPoints(bands[index], (double)revenue, out band) : 0;
            case FitField.Industry:
                return Matches(anyOf[index], account.Industry) ? criterion.Points : 0;
            case FitField.Country:
                return Matches(anyOf[index], account.Country) ? criterion.Points : 0;
            case FitField.Technologies:
                foreach (var technology in account.Technologies)
                {
                    if (Matches(anyOf[index], technology))
                    {
                        return criterion.Points;
                    }
                }

                return 0;
            default:
                return 0;
        }
    }

    internal int CriterionCount => criteria.Length;

    internal FitCriterion CriterionAt(int index) => criteria[index];

    private static double BandPoints(FitBand[] bands, double value, out FitBand? match)
    {
        foreach (var band in bands)
        {
            if (band.Contains(value))
            {
                match = band;
                return band.Points;
            }
        }

        match = null;
        return 0;
    }

    internal static bool Matches(string[] values, string? value)
    {
        if (value is null)
        {
            return false;
        }

        var trimmed = value.AsSpan().Trim();
        foreach (var candidate in values)
        {
            if (trimmed.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
