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
    private static int sequence;

    private string id;
    private string? name = "Acme";
    private int? employees = 450;
    private string? industry = "Software";
    private decimal? annualRevenue = 80_000_000m;
    private string? country = "US";
    private ImmutableArray<string> technologies = ["Salesforce"];
    private Owner? owner = new("005A0000001xyZ", "ae@example.com", "America/New_York", "005A0000001mgR");
    private AlignmentState current = AlignmentState.Empty;
    private readonly List<Signal> signals = [];

    public AccountBuilder()
    {
        id = $"001A{Interlocked.Increment(ref sequence):D11}";
    }

    public static AccountBuilder AnAccount() => new();

    public AccountBuilder WithId(string value) { id = value; return this; }

    public AccountBuilder WithName(string? value) { name = value; return this; }

    public AccountBuilder WithEmployees(int? value) { employees = value; return this; }

    public AccountBuilder WithIndustry(string? value) { industry = value; return this; }

    public AccountBuilder WithAnnualRevenue(decimal? value) { annualRevenue = value; return this; }

    public AccountBuilder WithCountry(string? value) { country = value; return this; }

    public AccountBuilder WithTechnologies(params string[] values) { technologies = [.. values]; return this; }

    public AccountBuilder WithOwner(Owner? value) { owner = value; return this; }

    public AccountBuilder WithCurrent(AlignmentState value) { current = value; return this; }

    public AccountBuilder WithCurrent(Func<AlignmentState, AlignmentState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        current = change(current);
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

    public AccountBuilder WithSignal(Signal signal) { signals.Add(signal); return this; }

    public AccountBuilder WithSignals(IEnumerable<Signal> values)
    {
        signals.AddRange(values);
        return this;
    }

    public AccountBuilder WithSignal(SignalBuilder signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return WithSignal(signal.Build());
    }

    public Account Build() => new()
    {
        Id = id,
        Name = name,
        Employees = employees,
        Industry = industry,
        AnnualRevenue = annualRevenue,
        Country = country,
        Technologies = technologies,
        Owner = owner,
        Current = current,
        Signals = [.. signals],
    };
}
