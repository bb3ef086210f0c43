using Alignment.Core.Handoffs;
using Alignment.Core.Signals;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Core.Tests.Handoffs;

/// <summary>The <c>minSeniority</c> condition of a pattern ("a decision-maker engaged"; docs/handoff-sla.md).</summary>
public sealed class HandoffBuyingCommitteeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static HandoffMatch DecisionMakerEngaged(int minCount = 1) =>
        new(null, [SignalCategory.Engagement], TimeSpan.FromDays(14), minCount, minSeniority: Seniority.Director);

    [Theory]
    [InlineData(Seniority.Executive, true)]
    [InlineData(Seniority.VicePresident, true)]
    [InlineData(Seniority.Director, true)]
    [InlineData(Seniority.Manager, false)]
    [InlineData(Seniority.Staff, false)]
    public void IsMatchedBy_EngagementOfAContactAtOrAboveTheLevel(Seniority seniority, bool matched)
    {
        Signal[] signals = [new(SignalKind.MeetingBooked, AsOf.AddDays(-2), "003A", Seniority: seniority)];

        Assert.Equal(matched, DecisionMakerEngaged().IsMatchedBy(signals, AsOf));
    }

    [Fact]
    public void IsMatchedBy_UnknownLevel_NeverCounts()
    {
        Signal[] signals = [new(SignalKind.MeetingBooked, AsOf.AddDays(-2), "003A"), new(SignalKind.EmailReply, AsOf.AddDays(-1))];

        Assert.False(DecisionMakerEngaged().IsMatchedBy(signals, AsOf));
    }

    [Fact]
    public void IsMatchedBy_MinCount_CountsOnlyTheSeniorSignals()
    {
        Signal[] signals =
        [
            new(SignalKind.MeetingBooked, AsOf.AddDays(-2), "003A", Seniority: Seniority.Executive),
            new(SignalKind.EmailReply, AsOf.AddDays(-1), "003B", Seniority: Seniority.Staff),
            new(SignalKind.EmailReply, AsOf.AddHours(-1), "003B", Seniority: Seniority.Manager),
        ];

        Assert.False(DecisionMakerEngaged(minCount: 2).IsMatchedBy(signals, AsOf));
        Assert.True(DecisionMakerEngaged(minCount: 2).IsMatchedBy([.. signals, new(SignalKind.CallConnected, AsOf.AddHours(-2), "003C", Seniority: Seniority.VicePresident)], AsOf));
    }

    [Fact]
    public void Rule_DecisionMakerAndPricing_NeedsBothPatterns()
    {
        var rule = new HandoffRule("decision-maker-engaged", [], [DecisionMakerEngaged(), new HandoffMatch([SignalKind.PricingPageView], null, TimeSpan.FromDays(14))]);
        Signal executiveMeeting = new(SignalKind.MeetingBooked, AsOf.AddDays(-2), "003A", Seniority: Seniority.Executive);
        Signal pricing = new(SignalKind.PricingPageView, AsOf.AddDays(-3), "003B");

        Assert.False(rule.IsMatchedBy([executiveMeeting], AsOf, null));
        Assert.False(rule.IsMatchedBy([pricing, executiveMeeting with { Seniority = Seniority.Manager }], AsOf, null));
        Assert.True(rule.IsMatchedBy([pricing, executiveMeeting], AsOf, null));
    }

    [Fact]
    public void IsMatchedBy_RaisingTheLevel_NeverTurnsANonMatchIntoAMatch()
    {
        var levels = Gen.Elements<Seniority?>(null, Seniority.Staff, Seniority.Manager, Seniority.Director, Seniority.VicePresident, Seniority.Executive);
        var signal =
            from kind in Gen.Elements(SignalKind.MeetingBooked, SignalKind.EmailReply, SignalKind.PricingPageView)
            from hours in Gen.Choose(0, 24 * 20)
            from level in levels
            select new Signal(kind, AsOf.AddHours(-hours), "003" + hours % 5, Seniority: level);
        var cases =
            from signals in Gen.ListOf(signal)
            from low in Gen.Elements(Enum.GetValues<Seniority>())
            from high in Gen.Elements(Enum.GetValues<Seniority>())
            from count in Gen.Choose(1, 3)
            select (signals, low: (Seniority)Math.Min((int)low, (int)high), high: (Seniority)Math.Max((int)low, (int)high), count);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var lower = new HandoffMatch(null, [SignalCategory.Engagement, SignalCategory.Intent], TimeSpan.FromDays(14), c.count, minSeniority: c.low);
            var higher = new HandoffMatch(null, [SignalCategory.Engagement, SignalCategory.Intent], TimeSpan.FromDays(14), c.count, minSeniority: c.high);
            var without = new HandoffMatch(null, [SignalCategory.Engagement, SignalCategory.Intent], TimeSpan.FromDays(14), c.count);
            return (!higher.IsMatchedBy(c.signals, AsOf) || lower.IsMatchedBy(c.signals, AsOf))
                && (!lower.IsMatchedBy(c.signals, AsOf) || without.IsMatchedBy(c.signals, AsOf));
        }).QuickCheckThrowOnFailure();
    }
}
