using System.Collections.Immutable;
using Alignment.Core.Signals;

namespace Alignment.Core.Accounts;

/// <summary>
/// An account as the domain sees it: firmographics for fit, its signals, its owner and the current values of the
/// connector's fields. Built by the snapshot reader or a CRM adapter.
/// </summary>
public sealed record Account
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public int? Employees { get; init; }
    public string? Industry { get; init; }

    /// <summary>Annual revenue in the CRM's corporate currency.</summary>
    public decimal? AnnualRevenue { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code where the CRM has one (e.g. <c>US</c>).</summary>
    public string? Country { get; init; }

    public ImmutableArray<string> Technologies { get; init; } = [];
    public Owner? Owner { get; init; }
    public AlignmentState Current { get; init; } = AlignmentState.Empty;
    public ImmutableArray<Signal> Signals { get; init; } = [];
}
