using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;
using Alignment.TestKit.Builders;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>
/// The snapshot the end-to-end tests feed in, as of Friday 2026-11-20 15:00 UTC (10:00 in New York, the owner's zone):
/// one account of each kind the rules tell apart.
/// </summary>
internal static class Snapshot
{
    /// <summary>Friday 2026-11-20 15:00 UTC = 10:00 America/New_York.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Full fit, 8 pricing views today, a meeting and a demo this week by three contacts: Tier 1, handoff <c>tier1-meeting</c>.</summary>
    public static Account Hot(string id = "001E2E000000HOT") => AccountBuilder.AnAccount().WithId(id).WithName("Hot Ltd")
        .WithSignals(Enumerable.Range(0, 8).Select(i => (Signal)SignalBuilder.A(SignalKind.PricingPageView).At(AsOf.AddMinutes(-30 - i)).By("003E2E01")))
        .WithSignal(SignalBuilder.A(SignalKind.MeetingBooked).At(AsOf.AddDays(-1)).By("003E2E02"))
        .WithSignal(SignalBuilder.A(SignalKind.DemoAttended).At(AsOf.AddDays(-2)).By("003E2E03"))
        .WithSignal(SignalBuilder.A(SignalKind.EmailReply).At(AsOf.AddDays(-1)).By("003E2E01").WithSubject("Pricing"))
        .Build();

    /// <summary>No fit, one web visit: no tier, no handoff.</summary>
    public static Account Cold(string id = "001E2E00000COLD") => AccountBuilder.AnAccount().WithId(id).WithName("Cold GmbH").WithNoFit()
        .WithSignal(SignalBuilder.A(SignalKind.WebVisit).At(AsOf.AddDays(-1)))
        .Build();

    /// <summary>Tier 3 locked by a human although its signals are hot: the tier stays.</summary>
    public static Account Locked(string id = "001E2E00000LOCK") => AccountBuilder.AnAccount().WithId(id).WithName("Locked Inc").WithTier(Tier.Tier3, locked: true)
        .WithSignals(Enumerable.Range(0, 8).Select(i => (Signal)SignalBuilder.A(SignalKind.PricingPageView).At(AsOf.AddHours(-2 - i)).By("003E2E11")))
        .Build();

    /// <summary>Handed off Thursday 09:00 New York (Tier 2: due 13:00), never answered: breached, and escalated since 17:00.</summary>
    public static Account Breached(string id = "001E2E00000BRCH") => AccountBuilder.AnAccount().WithId(id).WithName("Breached Co").WithTier(Tier.Tier2)
        .WithOpenHandoff(new DateTimeOffset(2026, 11, 19, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 19, 18, 0, 0, TimeSpan.Zero), Tier.Tier2, "tier2-double-open")
        .WithSignal(SignalBuilder.A(SignalKind.EmailOpen).At(AsOf.AddDays(-3)).By("003E2E21").WithSubject("Q4 offer"))
        .Build();

    /// <summary>Handed off today 09:00 New York (Tier 1: due 17:00), answered by the owner's call at 09:30: Met.</summary>
    public static Account Answered(string id = "001E2E00000ANSW") => AccountBuilder.AnAccount().WithId(id).WithName("Answered SA").WithTier(Tier.Tier1)
        .WithOpenHandoff(new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero))
        .WithSignal(SignalBuilder.A(SignalKind.SalesTouch).At(new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero)).By(null))
        .Build();

    public static IReadOnlyList<Account> All() => [Hot(), Cold(), Locked(), Breached(), Answered()];
}
