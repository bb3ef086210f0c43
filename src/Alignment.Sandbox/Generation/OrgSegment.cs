namespace Alignment.Sandbox.Generation;

/// <summary>
/// How warm a generated account is: drives how likely it matches the ideal customer profile and how much recent
/// activity it has. The scoring model, not the segment, decides the tier.
/// </summary>
/// <param name="Name">For diagnostics only.</param>
/// <param name="Share">Share of the org's accounts.</param>
/// <param name="IcpChance">Chance that each fit criterion (size, industry, technology, country) matches.</param>
/// <param name="Activity">Multiplier of the signal counts (1 = the busiest accounts).</param>
/// <param name="BuyingSignals">Chance of a recent meeting or demo and a pricing-page surge.</param>
internal sealed record OrgSegment(string Name, double Share, double IcpChance, double Activity, double BuyingSignals)
{
    public static IReadOnlyList<OrgSegment> All { get; } =
    [
        new("hot", 0.04, 0.92, 1.0, 0.85),
        new("warm", 0.11, 0.78, 0.6, 0.25),
        new("monitored", 0.22, 0.6, 0.3, 0.03),
        new("cold", 0.63, 0.3, 0.08, 0.0),
    ];
}
