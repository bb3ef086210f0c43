using System.Collections.Immutable;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;

namespace Alignment.Benchmarks.Sla;

/// <summary>
/// A fixed, seeded mix of handoffs for the SLA benchmarks: instants spread over 2026 (weekends, evenings, both DST
/// switches), all tiers, owners in five zones or none, and an activity history of 20 signals with 0–2 sales touches.
/// </summary>
internal sealed class SlaWorkload
{
    private static readonly string?[] Zones = [null, "America/New_York", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles", "Australia/Sydney"];

    public SlaWorkload(int count, int seed = 20261120)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Cases = [.. Enumerable.Range(0, count).Select(_ => NewCase(random, start))];
    }

    public ImmutableArray<SlaCase> Cases { get; }

    private static SlaCase NewCase(Random random, DateTimeOffset start)
    {
        var handoffAt = start.AddMinutes(random.Next(0, 364 * 24 * 60));
        var tier = (Tier)random.Next(0, 4);
        var signals = ImmutableArray.CreateBuilder<Signal>();
        for (var i = 0; i < 20; i++)
        {
            signals.Add(new Signal((SignalKind)random.Next(0, 12), handoffAt.AddHours(random.Next(-24 * 30, 24)), $"003A{random.Next(0, 5)}"));
        }

        for (var i = random.Next(0, 3); i > 0; i--)
        {
            signals.Add(new Signal(SignalKind.SalesTouch, handoffAt.AddMinutes(random.Next(-600, 3 * 24 * 60))));
        }

        var asOf = handoffAt.AddMinutes(random.Next(0, 5 * 24 * 60));
        return new SlaCase(new OpenHandoff(handoffAt, tier), signals.ToImmutable(), Zones[random.Next(Zones.Length)], asOf);
    }
}

/// <summary>One benchmark input.</summary>
internal sealed record SlaCase(OpenHandoff Handoff, ImmutableArray<Signal> Signals, string? OwnerTimeZone, DateTimeOffset AsOf);
