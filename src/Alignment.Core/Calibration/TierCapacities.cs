namespace Alignment.Core.Calibration;

/// <summary>
/// Target shares of all accounts in each tier (e.g. 0.05, 0.15, 0.30: the 5 % hottest accounts in Tier 1, the next
/// 15 % in Tier 2, the next 30 % in Tier 3). Each is in (0, 1) and they sum to at most 1.
/// </summary>
public sealed record TierCapacities(double Tier1, double Tier2, double Tier3)
{
    public static TierCapacities Default { get; } = new(0.05, 0.15, 0.30);

    /// <summary>Null when valid, else what is wrong and how to fix it.</summary>
    public string? Validate() =>
        Tier1 is <= 0 or >= 1 || Tier2 is <= 0 or >= 1 || Tier3 is <= 0 or >= 1
            ? "each tier capacity is a share in (0, 1), e.g. 0.05,0.15,0.30."
            : Tier1 + Tier2 + Tier3 > 1 + 1e-9
                ? "the tier capacities sum to more than 1; e.g. 0.05,0.15,0.30."
                : null;
}
