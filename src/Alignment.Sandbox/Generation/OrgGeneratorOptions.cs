namespace Alignment.Sandbox.Generation;

/// <summary>What <see cref="OrgGenerator"/> builds. The same options give the same org, byte for byte.</summary>
public sealed record OrgGeneratorOptions
{
    /// <summary>Seed of the pseudo-random sequence.</summary>
    public int Seed { get; init; } = 42;

    public int AccountCount { get; init; } = 1000;

    /// <summary>Sales reps owning the accounts (each gets a manager; two reps share one).</summary>
    public int OwnerCount { get; init; } = 12;

    /// <summary>Share (0..1) of accounts a human has locked to their current tier.</summary>
    public double LockedShare { get; init; } = 0.01;
}
