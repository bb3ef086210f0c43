namespace Alignment.Core.Tiers;

/// <summary>An account tier. JSON spelling: <c>Tier1</c>, <c>Tier2</c>, <c>Tier3</c>, <c>None</c>.</summary>
public enum Tier
{
    None = 0,

    /// <summary>Hot.</summary>
    Tier1 = 1,

    /// <summary>Warm.</summary>
    Tier2 = 2,

    /// <summary>Monitored.</summary>
    Tier3 = 3,
}
