using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tests.Calendar;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Handoffs;

/// <summary>The default rules at asOf Fri 2026-11-20 15:00Z; signals are placed at their window edges.</summary>
public sealed class HandoffRulesTests
{
    private static readonly DateTimeOffset AsOf = Utc.At("2026-11-20T15:00:00Z");
    private static readonly HandoffRules Rules = HandoffRules.Default;

    private static Signal S(SignalKind kind, TimeSpan ago, string? contact = "003A01", string? subject = null) =>
        new(kind, AsOf - ago, contact, subject);

    private static TimeSpan Days(double d) => TimeSpan.FromDays(d);

    private static string? Match(Tier tier, int fit, int intent, params Signal[] signals) =>
        Rules.FirstMatch(signals, tier, fit, intent, AsOf)?.Id;

    [Theory]
    [InlineData(SignalKind.MeetingBooked, 7 * 86400 - 1, Tier.Tier1, "tier1-meeting")]
    [InlineData(SignalKind.DemoAttended, 0, Tier.Tier1, "tier1-meeting")]
    [InlineData(SignalKind.MeetingBooked, 7 * 86400, Tier.Tier1, null)]  // exactly 7 days old: outside
    [InlineData(SignalKind.MeetingBooked, 3600, Tier.Tier2, null)]       // wrong tier
    [InlineData(SignalKind.CallConnected, 3600, Tier.Tier1, null)]       // wrong kind
    public void FirstMatch_Tier1Meeting_Edges(SignalKind kind, int secondsAgo, Tier tier, string? expected)
    {
        Assert.Equal(expected, Match(tier, 0, 0, S(kind, TimeSpan.FromSeconds(secondsAgo))));
    }

    [Fact]
    public void FirstMatch_Tier1Meeting_SignalFromTheFutureCountsAsNow()
    {
        Assert.Equal("tier1-meeting", Match(Tier.Tier1, 0, 0, S(SignalKind.MeetingBooked, TimeSpan.FromHours(-2))));
    }

    [Theory]
    [InlineData("003A01", "Q4 offer", 48 * 3600, "003A02", "q4 OFFER ", "tier2-double-open")] // 48 h apart: inclusive; subject case/space-insensitive
    [InlineData("003A01", "Q4 offer", 48 * 3600 + 1, "003A02", "Q4 offer", null)]             // 48 h + 1 s apart
    [InlineData("003A01", "Q4 offer", 3600, "003A01", "Q4 offer", null)]                      // same contact twice
    [InlineData("003A01", "Q4 offer", 3600, "003A02", "Webinar", null)]                       // different subjects
    [InlineData("003A01", null, 3600, "003A02", null, null)]                                  // no subject
    [InlineData(null, "Q4 offer", 3600, "003A02", "Q4 offer", null)]                          // unknown contact is not distinct
    public void FirstMatch_Tier2DoubleOpen_Edges(string? c1, string? s1, int secondsApart, string? c2, string? s2, string? expected)
    {
        var first = S(SignalKind.EmailOpen, Days(5), c1, s1);
        var second = first with { At = first.At.AddSeconds(secondsApart), ContactId = c2, Subject = s2 };

        Assert.Equal(expected, Match(Tier.Tier2, 0, 0, first, second));
    }

    [Fact]
    public void FirstMatch_Tier2DoubleOpen_FirstOpenOutsideSevenDays_NoMatch()
    {
        var old = S(SignalKind.EmailOpen, Days(7), "003A01", "Q4 offer");
        var recent = S(SignalKind.EmailOpen, Days(6), "003A02", "Q4 offer");

        Assert.Null(Match(Tier.Tier2, 0, 0, old, recent));
        Assert.Equal("tier2-double-open", Match(Tier.Tier2, 0, 0, old with { At = old.At.AddSeconds(1) }, recent));
    }

    [Fact]
    public void FirstMatch_Tier2DoubleOpen_Tier1_NoMatch()
    {
        Assert.Null(Match(Tier.Tier1, 0, 0,
            S(SignalKind.EmailOpen, Days(1), "003A01", "Q4 offer"), S(SignalKind.EmailOpen, Days(1), "003A02", "Q4 offer")));
    }

    [Theory]
    [InlineData(Tier.Tier1, 3, 0, "pricing-surge")]
    [InlineData(Tier.Tier2, 3, 0, "pricing-surge")]
    [InlineData(Tier.Tier3, 3, 0, null)]
    [InlineData(Tier.Tier1, 2, 0, null)]
    [InlineData(Tier.Tier1, 2, 1, null)] // the third view is exactly 7 days old
    public void FirstMatch_PricingSurge_Edges(Tier tier, int recentViews, int viewsAtSevenDays, string? expected)
    {
        var signals = Enumerable.Range(0, recentViews).Select(i => S(SignalKind.PricingPageView, TimeSpan.FromHours(i + 1)))
            .Concat(Enumerable.Range(0, viewsAtSevenDays).Select(_ => S(SignalKind.PricingPageView, Days(7))))
            .ToArray();

        Assert.Equal(expected, Match(tier, 100, 100, signals));
    }

    public static TheoryData<Tier, int, int, Signal[], string?> MqaCases()
    {
        Signal[] engaged =
        [
            S(SignalKind.EmailReply, Days(29), "003A01"),
            S(SignalKind.WebVisit, Days(10), "003A02"),
            S(SignalKind.FormSubmit, Days(1), "003A01"),
        ];
        return new()
        {
            { Tier.None, 60, 50, engaged, "mqa" },
            { Tier.Tier3, 90, 90, engaged, "mqa" },
            { Tier.None, 59, 50, engaged, null },
            { Tier.None, 60, 49, engaged, null },
            { Tier.None, 60, 50, [.. engaged.Select(s => s with { ContactId = "003A01" })], null },       // one contact
            { Tier.None, 60, 50, engaged[1..], null },                                                     // two interactions
            { Tier.None, 60, 50, [engaged[0] with { At = AsOf - Days(30) }, .. engaged[1..]], null },       // exactly 30 days old
            { Tier.None, 60, 50, [.. engaged[1..], S(SignalKind.SalesTouch, Days(1), "003A03")], null },   // a SalesTouch is not engagement
        };
    }

    [Theory]
    [MemberData(nameof(MqaCases))]
    public void FirstMatch_Mqa_Edges(Tier tier, int fit, int intent, Signal[] signals, string? expected)
    {
        Assert.Equal(expected, Match(tier, fit, intent, signals));
    }

    [Fact]
    public void FirstMatch_SeveralRulesMatch_FirstWins()
    {
        var pricing = Enumerable.Range(1, 3).Select(i => S(SignalKind.PricingPageView, TimeSpan.FromHours(i), $"003A0{i}"));
        var meeting = S(SignalKind.MeetingBooked, Days(1));
        Signal[] opens = [S(SignalKind.EmailOpen, Days(1), "003A01", "Q4"), S(SignalKind.EmailOpen, Days(1), "003A02", "Q4")];

        Assert.Equal("tier1-meeting", Match(Tier.Tier1, 100, 100, [.. pricing, meeting, .. opens]));
        Assert.Equal("tier2-double-open", Match(Tier.Tier2, 100, 100, [.. pricing, meeting, .. opens]));
        Assert.Equal("pricing-surge", Match(Tier.Tier2, 100, 100, [.. pricing, meeting]));
        Assert.Equal("mqa", Match(Tier.Tier3, 100, 100, [.. pricing, meeting]));
    }

    [Theory]
    [InlineData(3, 1, Tier.Tier1, "tier1-opens-and-pricing")]
    [InlineData(2, 1, Tier.Tier1, null)] // two opens: the first pattern fails
    [InlineData(3, 0, Tier.Tier1, null)] // no pricing visit: the second pattern fails
    [InlineData(3, 1, Tier.Tier2, null)] // both patterns, wrong tier
    public void FirstMatch_AllOf_EveryPatternMustMatch(int opens, int pricingVisits, Tier tier, string? expected)
    {
        // "3+ email opens AND a pricing visit AND Tier 1" in the last 14 days.
        var rules = new HandoffRules(
        [
            new HandoffRule("tier1-opens-and-pricing", [Tier.Tier1],
            [
                new HandoffMatch([SignalKind.EmailOpen], [], Days(14), 3, 0, false, null),
                new HandoffMatch([SignalKind.PricingPageView], [], Days(14), 1, 0, false, null),
            ]),
        ]);
        var signals = Enumerable.Range(0, opens).Select(i => S(SignalKind.EmailOpen, Days(1 + i)))
            .Concat(Enumerable.Range(0, pricingVisits).Select(_ => S(SignalKind.PricingPageView, Days(14) - TimeSpan.FromSeconds(1))))
            .ToArray();

        Assert.Equal(expected, rules.FirstMatch(signals, tier, 0, 0, AsOf)?.Id);
    }

    [Fact]
    public void FirstMatch_AllOf_PricingVisitExactlyFourteenDaysOld_NoMatch()
    {
        var rules = new HandoffRules(
        [
            new HandoffRule("both", [],
            [
                new HandoffMatch([SignalKind.EmailOpen], [], Days(14), 1, 0, false, null),
                new HandoffMatch([SignalKind.PricingPageView], [], Days(14), 1, 0, false, null),
            ]),
        ]);

        Assert.Null(rules.FirstMatch([S(SignalKind.EmailOpen, Days(1)), S(SignalKind.PricingPageView, Days(14))], Tier.None, 0, 0, AsOf));
    }
}
