namespace Alignment.Core.Model;

/// <summary>A numeric range of a fit criterion: min-inclusive, max-exclusive; a null <see cref="Max"/> has no upper bound.</summary>
/// <param name="Min">Lowest value in the band (inclusive).</param>
/// <param name="Max">First value above the band (exclusive), or null for no upper bound.</param>
/// <param name="Points">Fit points when the account's value is in the band (≥ 0).</param>
public sealed record FitBand(double Min, double? Max, double Points)
{
    /// <summary>Whether <paramref name="value"/> lies in [Min, Max).</summary>
    public bool Contains(double value) => value >= Min && (Max is not { } max || value < max);
}
