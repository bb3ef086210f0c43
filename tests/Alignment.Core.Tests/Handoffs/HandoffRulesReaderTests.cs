using System.Text.Json;
using Alignment.Core.Handoffs;
using Alignment.Core.Model;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;

namespace Alignment.Core.Tests.Handoffs;

public sealed class HandoffRulesReaderTests
{
    private const string DefaultSection = """
        { "rules": [
          { "id": "tier1-meeting", "tiers": ["Tier1"], "match": { "kinds": ["MeetingBooked","DemoAttended"], "withinDays": 7, "minCount": 1 } },
          { "id": "tier2-double-open", "tiers": ["Tier2"], "match": { "kinds": ["EmailOpen"], "withinDays": 7, "minDistinctContacts": 2, "sameSubject": true, "withinHoursOfEachOther": 48 } },
          { "id": "pricing-surge", "tiers": ["Tier1","Tier2"], "match": { "kinds": ["PricingPageView"], "withinDays": 7, "minCount": 3 } },
          { "id": "mqa", "match": { "categories": ["Engagement","Intent"], "withinDays": 30, "minCount": 3, "minDistinctContacts": 2 }, "minFit": 60, "minIntent": 50 } ] }
        """;

    private static (HandoffRules? Rules, List<ModelError> Errors) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<ModelError>();
        return (HandoffRulesReader.Read(document.RootElement, "$.handoff", errors), errors);
    }

    [Fact]
    public void Read_DefaultSection_ReadsTheFourRulesInOrder()
    {
        var (rules, errors) = Read(DefaultSection);

        Assert.Empty(errors);
        Assert.NotNull(rules);
        Assert.Equal(["tier1-meeting", "tier2-double-open", "pricing-surge", "mqa"], rules.Rules.Select(r => r.Id));
        var doubleOpen = rules.Rules[1].Match;
        Assert.Equal([SignalKind.EmailOpen], doubleOpen.Kinds);
        Assert.True(doubleOpen.SameSubject);
        Assert.Equal(TimeSpan.FromHours(48), doubleOpen.WithinOfEachOther);
        Assert.Equal(2, doubleOpen.MinDistinctContacts);
        Assert.Equal([Tier.Tier1, Tier.Tier2], rules.Rules[2].Tiers);
        Assert.Empty(rules.Rules[3].Tiers);
        Assert.Equal(60, rules.Rules[3].MinFit);
        Assert.Equal(TimeSpan.FromDays(30), rules.Rules[3].Match.Within);
    }

    [Fact]
    public void Read_AllOf_EveryPatternWithMatchFirst()
    {
        var (rules, errors) = Read("""
            { "rules": [
              { "id": "tier1-opens-and-pricing", "tiers": ["Tier1"],
                "allOf": [ { "kinds": ["EmailOpen"], "withinDays": 14, "minCount": 3 }, { "kinds": ["PricingPageView"], "withinDays": 14 } ] },
              { "id": "meeting-and-pricing", "match": { "kinds": ["MeetingBooked"], "withinDays": 7 },
                "allOf": [ { "kinds": ["PricingPageView"], "withinDays": 7 } ] } ] }
            """);

        Assert.Empty(errors);
        Assert.NotNull(rules);
        Assert.Equal([[SignalKind.EmailOpen], [SignalKind.PricingPageView]], rules.Rules[0].Patterns.Select(p => p.Kinds.ToArray()));
        Assert.Equal(3, rules.Rules[0].Patterns[0].MinCount);
        Assert.Equal([[SignalKind.MeetingBooked], [SignalKind.PricingPageView]], rules.Rules[1].Patterns.Select(p => p.Kinds.ToArray()));
    }

    [Fact]
    public void Read_MinSeniority_BuyingCommitteePattern()
    {
        var (rules, errors) = Read("""
            { "rules": [
              { "id": "decision-maker-engaged", "tiers": ["Tier1", "Tier2"],
                "match": { "categories": ["Engagement"], "withinDays": 14, "minSeniority": "Director" },
                "allOf": [ { "kinds": ["PricingPageView"], "withinDays": 14 } ] } ] }
            """);

        Assert.Empty(errors);
        Assert.NotNull(rules);
        Assert.Equal([Seniority.Director, null], rules.Rules[0].Patterns.Select(p => p.MinSeniority));
    }

    [Theory]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7}}, {"id":"b","match":{"kinds":["EmailOpen"],"withinDays":7}}, {"id":"c","match":{"kinds":["PricingPage"],"withinDays":7}} ] }""", "$.handoff.rules[2].match.kinds[0]")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["SalesTouch"],"withinDays":7}} ] }""", "$.handoff.rules[0].match.kinds[0]")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7,"minCount":-1}} ] }""", "$.handoff.rules[0].match.minCount")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7,"minDistinctContacts":-2}} ] }""", "$.handoff.rules[0].match.minDistinctContacts")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":0}} ] }""", "$.handoff.rules[0].match.withinDays")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"]}} ] }""", "$.handoff.rules[0].match.withinDays")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7,"withinHoursOfEachOther":0}} ] }""", "$.handoff.rules[0].match.withinHoursOfEachOther")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7,"sameSubject":"yes"}} ] }""", "$.handoff.rules[0].match.sameSubject")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"categories":["SalesTouch"],"withinDays":7}} ] }""", "$.handoff.rules[0].match.categories[0]")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"withinDays":7}} ] }""", "$.handoff.rules[0].match")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7}}, {"id":"A","match":{"kinds":["EmailOpen"],"withinDays":7}} ] }""", "$.handoff.rules[1].id")]
    [InlineData("""{ "rules": [ {"match":{"kinds":["EmailOpen"],"withinDays":7}} ] }""", "$.handoff.rules[0].id")]
    [InlineData("""{ "rules": [ {"id":"a","tiers":["Tier1","Tier4"],"match":{"kinds":["EmailOpen"],"withinDays":7}} ] }""", "$.handoff.rules[0].tiers[1]")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7},"minFit":101} ] }""", "$.handoff.rules[0].minFit")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7},"minIntent":-1} ] }""", "$.handoff.rules[0].minIntent")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"kinds":["EmailOpen"],"withinDays":7,"minCont":2}} ] }""", "$.handoff.rules[0].match.minCont")]
    [InlineData("""{ "rules": [ {"id":"a"} ] }""", "$.handoff.rules[0].match")]
    [InlineData("""{ "rules": [ {"id":"a","allOf":[]} ] }""", "$.handoff.rules[0].allOf")]
    [InlineData("""{ "rules": [ {"id":"a","allOf":{"kinds":["EmailOpen"],"withinDays":7}} ] }""", "$.handoff.rules[0].allOf")]
    [InlineData("""{ "rules": [ {"id":"a","allOf":[{"kinds":["EmailOpen"],"withinDays":7},{"kinds":["PricingPageView"]}]} ] }""", "$.handoff.rules[0].allOf[1].withinDays")]
    [InlineData("""{ "rules": [ {"id":"a","allOf":[{"kinds":["EmailOpen"],"withinDays":7,"minCont":3}]} ] }""", "$.handoff.rules[0].allOf[0].minCont")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"categories":["Engagement"],"withinDays":7,"minSeniority":"Boss"}} ] }""", "$.handoff.rules[0].match.minSeniority")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"categories":["Engagement"],"withinDays":7,"minSeniority":"director"}} ] }""", "$.handoff.rules[0].match.minSeniority")]
    [InlineData("""{ "rules": [ {"id":"a","match":{"categories":["Engagement"],"withinDays":7,"minSeniority":4}} ] }""", "$.handoff.rules[0].match.minSeniority")]
    [InlineData("""{ "rules": [ {"id":"a","allOf":[{"kinds":["EmailOpen"],"withinDays":7,"minSeniority":"CEO"}]} ] }""", "$.handoff.rules[0].allOf[0].minSeniority")]
    [InlineData("""{ "rules": [ 3 ] }""", "$.handoff.rules[0]")]
    [InlineData("""{ "rules": {} }""", "$.handoff.rules")]
    [InlineData("""{ }""", "$.handoff.rules")]
    [InlineData("""[]""", "$.handoff")]
    public void Read_InvalidEntry_ReportsItsPath(string json, string path)
    {
        var (rules, errors) = Read(json);

        Assert.Null(rules);
        Assert.Contains(errors, e => e.Path == path);
    }

    [Fact]
    public void Read_EmptyRules_NoHandoffs()
    {
        var (rules, errors) = Read("""{ "rules": [] }""");

        Assert.Empty(errors);
        Assert.Empty(rules!.Rules);
    }

    [Fact]
    public void Read_ReentryCoolDownDays_SetsTheLifecycle()
    {
        var (rules, errors) = Read("""{ "rules": [], "reentryCoolDownDays": 14 }""");

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromDays(14), rules?.Lifecycle.CoolDown);
    }

    [Fact]
    public void Read_NoReentryCoolDown_DefaultThirtyDays()
    {
        Assert.Equal(HandoffLifecycle.DefaultCoolDown, Read("""{ "rules": [] }""").Rules?.Lifecycle.CoolDown);
    }

    [Fact]
    public void Read_ReentryCoolDownZero_ErrorWithPath()
    {
        var (rules, errors) = Read("""{ "rules": [], "reentryCoolDownDays": 0 }""");

        Assert.Null(rules);
        Assert.Equal("$.handoff.reentryCoolDownDays", Assert.Single(errors).Path);
    }
}
