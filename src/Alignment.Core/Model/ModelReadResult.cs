using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Alignment.Core.Model;

/// <summary>The outcome of reading a model file: a model, or the list of problems (never both).</summary>
public sealed record ModelReadResult
{
    private ModelReadResult(AlignmentModel? model, ImmutableArray<ModelError> errors)
    {
        Model = model;
        Errors = errors;
    }

    public AlignmentModel? Model { get; }

    /// <summary>Every problem found, in file order; empty when <see cref="Model"/> is set.</summary>
    public ImmutableArray<ModelError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Model))]
    public bool IsValid => Model is not null;

    public static ModelReadResult Success(AlignmentModel model) => new(model, []);

    public static ModelReadResult Failure(ImmutableArray<ModelError> errors) =>
        errors.IsDefaultOrEmpty ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(null, errors);
}
