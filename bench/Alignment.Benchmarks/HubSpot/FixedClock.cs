namespace Alignment.Benchmarks.HubSpot;

/// <summary>
/// The scoring run's "now", held still so that two passes see the same instant (no score decays between them); the
/// HubSpot adapter keeps the real clock for its rate limiting.
/// </summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
