using System.Collections.Immutable;

namespace Alignment.Core.Model;

/// <summary>The fit component: the points of the criteria an account meets, summed and capped.</summary>
/// <param name="Cap">Highest fit score, in (0, 100].</param>
/// <param name="Criteria">The ICP criteria in file order.</param>
public sealed record FitModel(double Cap, ImmutableArray<FitCriterion> Criteria);
