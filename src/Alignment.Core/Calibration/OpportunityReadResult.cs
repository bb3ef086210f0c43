using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Alignment.Core.Model;

namespace Alignment.Core.Calibration;

/// <summary>The outcome of reading a snapshot's <c>opportunities</c>: the opportunities in input order, or the problems found.</summary>
public sealed record OpportunityReadResult
{
    private OpportunityReadResult(ImmutableArray<Opportunity> opportunities, ImmutableArray<ModelError> errors)
    {
        Opportunities = opportunities;
        Errors = errors;
    }

    /// <summary>The opportunities in input order; empty when there are errors.</summary>
    public ImmutableArray<Opportunity> Opportunities { get; }

    /// <summary>Every problem found, with JSON paths such as <c>$.opportunities[3].createdAt</c>.</summary>
    public ImmutableArray<ModelError> Errors { get; }

    [MemberNotNullWhen(false, nameof(Errors))]
    public bool IsValid => Errors.IsEmpty;

    public static OpportunityReadResult Success(ImmutableArray<Opportunity> opportunities) => new(opportunities, []);

    public static OpportunityReadResult Failure(ImmutableArray<ModelError> errors) =>
        errors.IsDefaultOrEmpty ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new([], errors);
}
