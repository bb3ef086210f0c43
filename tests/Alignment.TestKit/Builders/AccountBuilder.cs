using System.Collections.Immutable;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;

namespace Alignment.TestKit.Builders;

/// <summary>
/// Builds an <see cref="Account"/> with valid defaults: a mid-size US software company (full fit under the default
/// model) owned by a New York rep, no signals, empty connector fields. Override only what the test is about.
/// </summary>
public sealed class AccountBuilder
{
    private static int Sequence;

    private string _id;
    private string? _name = "Acme";
    private int? _employees = 450;
    private string? _industry = "Software";
    private decimal? _annualRevenue = 80_000_000m;
    private string? _country = "US";
    private ImmutableArray<string> _technologies = ["Salesforce"];
    private Owner? _owner = new("005A0000001xyZ", "ae@example.com", "America/New_York", "005A0000001mgR");
    private AlignmentState _current = AlignmentState.Empty;
    private readonly List<Signal> _signals = [];

    public AccountBuilder()
    {
        _id = $"001A{Interlocked.Increment(ref Sequence):D11}";
    }

    public static AccountBuilder AnAccount() => new();

    public AccountBuilder WithId(string value) { _id = value; return this; }

    public AccountBuilder WithName(string? value) { _name = value; return this; }

    public AccountBuilder WithEmployees(int? value) { _employees = value; return this; }

    public AccountBuilder WithIndustry(string? value) { _industry = value; return this; }

    public AccountBuilder WithAnnualRevenue(decimal? value) { _annualRevenue = value; return this; }

    public AccountBuilder WithCountry(string? value) { _country = value; return this; }

    public AccountBuilder WithTechnologies(params string[] values) { _technologies = [.. values]; return this; }

    public AccountBuilder WithOwner(Owner? value) { _owner = value; return this; }

    public AccountBuilder WithCurrent(AlignmentState value) { _current = value; return this; }

    public AccountBuilder WithCurrent(Func<AlignmentState, AlignmentState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _current = change(_current);
        return this;
    }

    public AccountBuilder WithTier(Tier tier, bool locked = false) =>
        WithCurrent(c => c with { Tier = tier, TierLocked = locked });

    /// <summary>An open handoff (status Pending) made at <paramref name="at"/>.</summary>
    public AccountBuilder WithOpenHandoff(DateTimeOffset at, DateTimeOffset slaDue, Tier tier = Tier.Tier1, string rule = "tier1-meeting") =>
        WithCurrent(c => c with
        {
            HandoffStatus = HandoffStatus.Pending,
            HandoffRule = rule,
            HandoffAt = at,
            HandoffTier = tier,
            SlaDue = slaDue,
            SlaStatus = Core.Sla.SlaStatus.OnTrack,
        });

    /// <summary>A firmographic profile that scores no fit at all.</summary>
    public AccountBuilder WithNoFit() =>
        WithEmployees(5).WithIndustry("Agriculture").WithTechnologies().WithCountry("ZZ");

    public AccountBuilder WithSignal(Signal signal) { _signals.Add(signal); return this; }

    public AccountBuilder WithSignals(IEnumerable<Signal> values)
    {
        _signals.AddRange(values);
        return this;
    }

    public AccountBuilder WithSignal(SignalBuilder signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return WithSignal(signal.Build());
    }

    public Account Build() => new()
    {
        Id = _id,
        Name = _name,
        Employees = _employees,
        Industry = _industry,
        AnnualRevenue = _annualRevenue,
        Country = _country,
        Technologies = _technologies,
        Owner = _owner,
        Current = _current,
        Signals = [.. _signals],
    };
}
