using Alignment.Core.Accounts;
using Alignment.Core.Signals;

namespace Alignment.TestKit.Scoring;

/// <summary>Accounts for scoring tests: by default no firmographics (fit 0) and no signals; override what the test is about.</summary>
public static class TestAccounts
{
    /// <summary>The evaluation instant most scoring tests use.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>An account with only an id.</summary>
    public static Account Empty(string id = "001A000001TEST") => new() { Id = id };

    /// <summary>An account with the given signals and nothing else.</summary>
    public static Account WithSignals(params Signal[] signals) => Empty() with { Signals = [.. signals] };

    /// <summary>A signal of <paramref name="kind"/> that is <paramref name="ageDays"/> old at <see cref="AsOf"/>.</summary>
    public static Signal Aged(SignalKind kind, double ageDays, string? contactId = null, double? strength = null) =>
        new(kind, AsOf - TimeSpan.FromDays(ageDays), contactId, Strength: strength);
}
