using System.Collections.Immutable;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Core.Tests.Sla;

public sealed class SlaPropertyTests
{
    private static readonly string?[] Zones =
        [null, "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago"];

    private static readonly DateTimeOffset Start2026 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SlaClock Clock = new(SlaPolicy.Default);

    private static readonly Gen<(string? Zone, DateTimeOffset HandoffAt, Tier Tier)> Handoffs =
        from zone in Gen.Elements(Zones)
        from minute in Gen.Choose(0, 365 * 24 * 60)
        from tier in Gen.Elements(Enum.GetValues<Tier>())
        select (zone, Start2026.AddMinutes(minute), tier);

    [Fact]
    public void DueFor_NeverBeforeHandoff_AndAlwaysWithinBusinessHours()
    {
        Prop.ForAll(Handoffs.ToArbitrary(), h =>
        {
            var due = Clock.DueFor(h.HandoffAt, h.Tier, h.Zone);
            var calendar = Clock.CalendarFor(h.Zone, out _);
            return due >= h.HandoffAt && calendar.IsWithinHours(due);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Assess_OnceBreached_StaysBreachedAsTimeAdvances()
    {
        var cases =
            from handoff in Handoffs
            from touchMinutes in Gen.ListOf(Gen.Choose(-600, 20_000))
            from laterMinutes in Gen.ArrayOf(Gen.Choose(0, 30_000))
            select (handoff, touchMinutes, laterMinutes);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (zone, handoffAt, tier) = c.handoff;
            var signals = c.touchMinutes.Select(m => new Signal(SignalKind.SalesTouch, handoffAt.AddMinutes(m))).ToImmutableArray();
            var open = new OpenHandoff(handoffAt, tier);
            var instants = c.laterMinutes.Order().Select(m => handoffAt.AddMinutes(m)).ToList();
            var statuses = instants.Select(asOf => Clock.Assess(open, signals, zone, asOf).Status).ToList();
            var firstBreach = statuses.IndexOf(SlaStatus.Breached);
            return firstBreach < 0 || statuses.Skip(firstBreach).All(s => s == SlaStatus.Breached);
        }).QuickCheckThrowOnFailure();
    }
}
