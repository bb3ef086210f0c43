using Alignment.Core.Accounts;
using Alignment.Core.Model;

namespace Alignment.Core.Scoring;

/// <summary>Fit: the points of the ICP criteria an account meets, summed and capped. Missing values score 0.</summary>
public sealed class FitScorer
{
    private readonly FitCriterion[] _criteria;
    private readonly FitBand[][] _bands;
    private readonly string[][] _anyOf;
    private readonly double _cap;

    public FitScorer(FitModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _criteria = [.. model.Criteria];
        _bands = [.. model.Criteria.Select(c => c.Bands.ToArray())];
        _anyOf = [.. model.Criteria.Select(c => c.AnyOf.ToArray())];
        _cap = model.Cap;
    }

    /// <summary>The unrounded fit score, in [0, cap].</summary>
    public double Score(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        double sum = 0;
        for (var i = 0; i < _criteria.Length; i++)
        {
            sum += PointsOf(i, account, out _);
        }

        return Math.Min(sum, _cap);
    }

    /// <summary>Points criterion <paramref name="index"/> gives the account; <paramref name="band"/> is the matched band, if numeric.</summary>
    internal double PointsOf(int index, Account account, out FitBand? band)
    {
        band = null;
        var criterion = _criteria[index];
        switch (criterion.Field)
        {
            case FitField.Employees:
                return account.Employees is { } employees ? BandPoints(_bands[index], employees, out band) : 0;
            case FitField.AnnualRevenue:
                return account.AnnualRevenue is { } revenue ? BandPoints(_bands[index], (double)revenue, out band) : 0;
            case FitField.Industry:
                return Matches(_anyOf[index], account.Industry) ? criterion.Points : 0;
            case FitField.Country:
                return Matches(_anyOf[index], account.Country) ? criterion.Points : 0;
            case FitField.Technologies:
                foreach (var technology in account.Technologies)
                {
                    if (Matches(_anyOf[index], technology))
                    {
                        return criterion.Points;
                    }
                }

                return 0;
            default:
                return 0;
        }
    }

    internal int CriterionCount => _criteria.Length;

    internal FitCriterion CriterionAt(int index) => _criteria[index];

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
