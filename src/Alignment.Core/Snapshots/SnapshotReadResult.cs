using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Alignment.Core.Accounts;
using Alignment.Core.Model;

namespace Alignment.Core.Snapshots;

/// <summary>The outcome of reading a snapshot: its accounts (input order) and <c>asOf</c>, or the problems found.</summary>
public sealed record SnapshotReadResult
{
    private SnapshotReadResult(DateTimeOffset? asOf, ImmutableArray<Account> accounts, ImmutableArray<ModelError> errors)
    {
        AsOf = asOf;
        Accounts = accounts;
        Errors = errors;
    }

    /// <summary>The snapshot's <c>asOf</c> (UTC), or null when the file has none.</summary>
    public DateTimeOffset? AsOf { get; }

    /// <summary>The accounts in input order; empty when there are errors.</summary>
    public ImmutableArray<Account> Accounts { get; }

    /// <summary>Every problem found, with JSON paths such as <c>$.accounts[3].signals[0].kind</c>.</summary>
    public ImmutableArray<ModelError> Errors { get; }

    [MemberNotNullWhen(false, nameof(Errors))]
    public bool IsValid => Errors.IsEmpty;

    public static SnapshotReadResult Success(DateTimeOffset? asOf, ImmutableArray<Account> accounts) => new(asOf, accounts, []);

    public static SnapshotReadResult Failure(ImmutableArray<ModelError> errors) =>
        errors.IsDefaultOrEmpty ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(null, [], errors);
}
