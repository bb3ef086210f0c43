using System.Collections.Immutable;

namespace Alignment.Core.Model;

/// <summary>
/// One ICP criterion. Numeric fields (<see cref="FitField.Employees"/>, <see cref="FitField.AnnualRevenue"/>) use
/// <see cref="Bands"/>; text fields use <see cref="AnyOf"/> (ordinal, case-insensitive) and <see cref="Points"/>.
/// </summary>
public sealed record FitCriterion
{
    public required string Id { get; init; }
    public required FitField Field { get; init; }

    /// <summary>Non-overlapping bands, sorted by <see cref="FitBand.Min"/>; empty for text fields.</summary>
    public ImmutableArray<FitBand> Bands { get; init; } = [];

    /// <summary>Accepted values for text fields; empty for numeric fields.</summary>
    public ImmutableArray<string> AnyOf { get; init; } = [];

    /// <summary>Points when a text criterion is met (0 for numeric fields, whose points are per band).</summary>
    public double Points { get; init; }

    /// <summary>Whether the criterion tests a number with bands.</summary>
    public bool IsNumeric => Field is FitField.Employees or FitField.AnnualRevenue;
}
