using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.TestKit.Builders;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// Accounts for the worker's scoring run, dated relative to <c>now</c>: the worker runs in its own process on the real
/// clock, so the snapshot cannot be pinned to a fixed instant as in the end-to-end tests.
/// </summary>
internal static class WorkerSeeds
{
    /// <summary>Full fit, eight pricing views in the last hour, a meeting and a demo by three contacts: Tier 1 with a handoff.</summary>
    public static Account Hot(DateTimeOffset now) => AccountBuilder.AnAccount().WithId("001FNHOST000HOT").WithName("Hot Ltd")
        .WithSignals(Enumerable.Range(0, 8).Select(i => (Signal)SignalBuilder.A(SignalKind.PricingPageView).At(now.AddMinutes(-30 - i)).By("003FNHOST01")))
        .WithSignal(SignalBuilder.A(SignalKind.MeetingBooked).At(now.AddDays(-1)).By("003FNHOST02"))
        .WithSignal(SignalBuilder.A(SignalKind.DemoAttended).At(now.AddDays(-2)).By("003FNHOST03"))
        .Build();

    /// <summary>No fit, one web visit: no tier, no handoff.</summary>
    public static Account Cold(DateTimeOffset now) => AccountBuilder.AnAccount().WithId("001FNHOST00COLD").WithName("Cold GmbH").WithNoFit()
        .WithSignal(SignalBuilder.A(SignalKind.WebVisit).At(now.AddDays(-1)))
        .Build();

    /// <summary>Tier 3 locked by a human although its signals are hot: the tier stays.</summary>
    public static Account Locked(DateTimeOffset now) => AccountBuilder.AnAccount().WithId("001FNHOST00LOCK").WithName("Locked Inc").WithTier(Tier.Tier3, locked: true)
        .WithSignals(Enumerable.Range(0, 8).Select(i => (Signal)SignalBuilder.A(SignalKind.PricingPageView).At(now.AddHours(-2 - i)).By("003FNHOST11")))
        .Build();
}
