using System.Text.Json.Nodes;
using Alignment.Core.Handoffs;
using Alignment.Core.Model;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.TestKit.Scoring;

namespace Alignment.Core.Tests.Model;

public sealed class ModelFileReaderTests
{
    [Fact]
    public void Read_ShippedFile_HasTheDocumentedDefaults()
    {
        var result = ModelFileReader.Read(DefaultScoringModel.Json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var model = result.Model;
        Assert.Equal("2026.11.0", model.Version);
        Assert.Equal(new ScoreWeights(0.4, 0.3, 0.3), model.Weights);
        Assert.Equal(100, model.Fit.Cap);
        Assert.Equal(["employees", "industry", "technologies", "country"], model.Fit.Criteria.Select(c => c.Id));
        Assert.Equal([new FitBand(50, 200, 15), new FitBand(200, 5000, 30)], model.Fit.Criteria[0].Bands);
        Assert.Equal(["Software", "Fintech", "Information Technology"], model.Fit.Criteria[1].AnyOf);
        Assert.Equal(30, model.Fit.Criteria[1].Points);
        Assert.Equal((30d, 7d, 100d), (model.Intent.WindowDays, model.Intent.HalfLifeDays, model.Intent.Cap));
        Assert.Equal(15, model.Intent.PointsOf(SignalKind.PricingPageView));
        Assert.Equal(10, model.Intent.PointsOf(SignalKind.ThirdPartyIntent));
        Assert.Null(model.Intent.ContactBonus);
        Assert.Equal((90d, 14d, 100d), (model.Engagement.WindowDays, model.Engagement.HalfLifeDays, model.Engagement.Cap));
        Assert.Equal(40, model.Engagement.PointsOf(SignalKind.DemoAttended));
        Assert.Equal(new ContactBonus(10, 30), model.Engagement.ContactBonus);
        Assert.Equal(new TierThresholds(85, 65, 40, 5, 0), model.Tiers);
    }

    [Fact]
    public void Read_WeightsNotSummingToOne_NamesWeights()
    {
        var json = ModelJson.With(r => r.Obj("weights")["fit"] = 0.5);

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal("$.weights", error.Path);
        Assert.Contains("sum to 1.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WeightsOffByLessThanTolerance_Accepted()
    {
        var json = ModelJson.With(r => r.Obj("weights")["fit"] = 0.4 + 5e-10);

        Assert.True(ModelFileReader.Read(json).IsValid);
    }

    [Fact]
    public void Read_OverlappingBands_NamesTheLaterBand()
    {
        var json = ModelJson.With(r => r.Criteria()[0]!["bands"]![1]!["min"] = 150);

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal("$.fit.criteria[0].bands[1]", error.Path);
        Assert.Contains("overlaps the band at $.fit.criteria[0].bands[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AdjacentBands_Accepted()
    {
        var json = ModelJson.With(r => r.Criteria()[0]!["bands"]!.AsArray().Add(new JsonObject { ["min"] = 5000, ["points"] = 25 }));

        var model = ModelFileReader.Read(json).Model;

        Assert.NotNull(model);
        Assert.Null(model.Fit.Criteria[0].Bands[2].Max);
    }

    [Fact]
    public void Read_OpenEndedBandBeforeAnother_Overlaps()
    {
        var json = ModelJson.With(r => r.Criteria()[0]!["bands"]![0]!.AsObject().Remove("max"));

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal("$.fit.criteria[0].bands[1]", error.Path);
    }

    [Fact]
    public void Read_MaxNotAboveMin_NamesMax()
    {
        var json = ModelJson.With(r => r.Criteria()[0]!["bands"]![0]!["max"] = 50);

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal("$.fit.criteria[0].bands[0].max", error.Path);
    }

    [Theory]
    [InlineData(85, 85, 40, "$.tiers.Tier2")]
    [InlineData(85, 65, 70, "$.tiers.Tier3")]
    [InlineData(101, 65, 40, "$.tiers.Tier1")]
    [InlineData(85, 65, 0, "$.tiers.Tier3")]
    public void Read_ThresholdsOutOfOrder_NamesTheThreshold(int tier1, int tier2, int tier3, string path)
    {
        var json = ModelJson.With(r =>
        {
            var tiers = r.Obj("tiers");
            tiers["Tier1"] = tier1;
            tiers["Tier2"] = tier2;
            tiers["Tier3"] = tier3;
        });

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Read_UnknownSignalKind_NamesTheKind()
    {
        var json = ModelJson.With(r => r.Obj("intent").Obj("points")["WebVisits"] = 3);

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal("$.intent.points.WebVisits", error.Path);
        Assert.Contains("unknown signal kind", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intent", "EmailReply", "$.intent.points.EmailReply")]
    [InlineData("engagement", "PricingPageView", "$.engagement.points.PricingPageView")]
    [InlineData("engagement", "SalesTouch", "$.engagement.points.SalesTouch")]
    public void Read_KindInTheWrongSection_NamesTheKind(string section, string kind, string path)
    {
        var json = ModelJson.With(r => r.Obj(section).Obj("points")[kind] = 5);

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("$.intent.points.WebVisit")]
    [InlineData("$.fit.criteria[1].points")]
    [InlineData("$.fit.criteria[0].bands[1].points")]
    [InlineData("$.engagement.contactBonus.pointsPerContact")]
    public void Read_NegativePoints_NamesTheEntry(string path)
    {
        var json = ModelJson.With(r =>
        {
            _ = path switch
            {
                "$.intent.points.WebVisit" => r.Obj("intent").Obj("points")["WebVisit"] = -3,
                "$.fit.criteria[1].points" => r.Criteria()[1]!["points"] = -30,
                "$.fit.criteria[0].bands[1].points" => r.Criteria()[0]!["bands"]![1]!["points"] = -1,
                _ => r.Obj("engagement").Obj("contactBonus")["pointsPerContact"] = -10,
            };
        });

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intent", "halfLifeDays", 0)]
    [InlineData("intent", "windowDays", -1)]
    [InlineData("engagement", "cap", 0)]
    [InlineData("engagement", "cap", 101)]
    [InlineData("fit", "cap", -5)]
    public void Read_NonPositiveSetting_NamesIt(string section, string name, double value)
    {
        var json = ModelJson.With(r => r.Obj(section)[name] = value);

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal($"$.{section}.{name}", error.Path);
    }

    [Theory]
    [InlineData("$.colour")]
    [InlineData("$.intent.halfLife")]
    [InlineData("$.fit.criteria[2].weight")]
    [InlineData("$.tiers.Tier4")]
    public void Read_UnknownProperty_NamesIt(string path)
    {
        var json = ModelJson.With(r =>
        {
            var (target, name) = path switch
            {
                "$.colour" => (r, "colour"),
                "$.intent.halfLife" => (r.Obj("intent"), "halfLife"),
                "$.fit.criteria[2].weight" => (r.Criteria()[2]!.AsObject(), "weight"),
                _ => (r.Obj("tiers"), "Tier4"),
            };
            target[name] = 1;
        });

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains("unknown setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoHandoffOrSlaSection_DocumentedDefaults()
    {
        var json = ModelJson.With(r =>
        {
            r.Remove("handoff");
            r.Remove("sla");
        });

        var model = ModelFileReader.Read(json).Model;

        Assert.NotNull(model);
        Assert.Same(HandoffRules.Default, model.Handoff);
        Assert.Same(SlaPolicy.Default, model.Sla);
    }

    [Fact]
    public void Read_ShippedModel_HandoffRulesAndSlaAreTheDocumentedDefaults()
    {
        var model = DefaultScoringModel.Value;

        static object Shape(HandoffRule r) => (r.Id, string.Join(",", r.Tiers), string.Join(",", r.Match.Kinds), string.Join(",", r.Match.Categories),
            r.Match.Within, r.Match.MinCount, r.Match.MinDistinctContacts, r.Match.SameSubject, r.Match.WithinOfEachOther, r.MinFit, r.MinIntent);
        Assert.Equal(HandoffRules.Default.Rules.Select(Shape), model.Handoff.Rules.Select(Shape));
        Assert.Equal(
            (SlaPolicy.Default.DefaultTimeZone, SlaPolicy.Default.AtRiskShare, SlaPolicy.Default.EscalateAfter, SlaPolicy.Default.RecycleAfterBusinessDays),
            (model.Sla.DefaultTimeZone, model.Sla.AtRiskShare, model.Sla.EscalateAfter, model.Sla.RecycleAfterBusinessDays));
        Assert.Equal(Enum.GetValues<Tier>().Select(t => SlaPolicy.Default.DeadlineFor(t)), Enum.GetValues<Tier>().Select(t => model.Sla.DeadlineFor(t)));
        Assert.Equal(Enum.GetValues<DayOfWeek>().Select(SlaPolicy.Default.Hours.For), Enum.GetValues<DayOfWeek>().Select(model.Sla.Hours.For));
        Assert.Empty(model.Sla.Holidays);
    }

    [Fact]
    public void Read_HandoffAndSlaSections_ReadIntoTheModel()
    {
        var json = ModelJson.With(r =>
        {
            r["handoff"] = JsonNode.Parse("""{ "rules": [ { "id": "demo", "match": { "kinds": ["DemoAttended"], "withinDays": 3 } } ] }""");
            r["sla"] = JsonNode.Parse("""{ "defaultTimeZone": "Europe/Berlin", "atRiskShare": 0.5 }""");
        });

        var model = ModelFileReader.Read(json).Model;

        Assert.NotNull(model);
        var rule = Assert.Single(model.Handoff.Rules);
        Assert.Equal(("demo", TimeSpan.FromDays(3)), (rule.Id, rule.Match.Within));
        Assert.Equal(("Europe/Berlin", 0.5), (model.Sla.DefaultTimeZone, model.Sla.AtRiskShare));
    }

    [Theory]
    [InlineData("handoff", """{ "anything": "goes" }""", "$.handoff.anything")]
    [InlineData("handoff", """{ "rules": [ { "id": "x", "match": { "kinds": ["Webinar"], "withinDays": 7 } } ] }""", "$.handoff.rules[0].match.kinds[0]")]
    [InlineData("sla", "[1, 2]", "$.sla")]
    [InlineData("sla", """{ "defaultTimeZone": "Mars/Phobos" }""", "$.sla.defaultTimeZone")]
    public void Read_BadHandoffOrSlaSection_RefusedWithThePath(string section, string value, string path)
    {
        var json = ModelJson.With(r => r[section] = JsonNode.Parse(value));

        var result = ModelFileReader.Read(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("version", "$.version")]
    [InlineData("tiers", "$.tiers")]
    public void Read_MissingSection_NamesIt(string name, string path)
    {
        var json = ModelJson.With(r => r.Remove(name));

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingNestedMember_NamesIt()
    {
        var json = ModelJson.With(r => r.Obj("engagement").Remove("halfLifeDays"));

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal("$.engagement.halfLifeDays", error.Path);
    }

    [Theory]
    [InlineData("field", "revenue", "$.fit.criteria[2].field")]
    [InlineData("anyOf", "Salesforce", "$.fit.criteria[2].anyOf")]
    public void Read_BadCriterion_NamesTheMember(string name, string value, string path)
    {
        var json = ModelJson.With(r => r.Criteria()[2]![name] = value);

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Read_BandsOnATextField_Refused()
    {
        var json = ModelJson.With(r => r.Criteria()[1]!["bands"] = new JsonArray());

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal("$.fit.criteria[1].bands", error.Path);
    }

    [Fact]
    public void Read_MalformedJson_GivesTheLine()
    {
        var json = "{\n  \"version\": \"1\",\n  \"weights\": { \"fit\": 0.4, }\n}";

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal("$.weights.fit", error.Path);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEach()
    {
        var json = ModelJson.With(r =>
        {
            r.Obj("weights")["fit"] = 0.9;
            r.Obj("intent").Obj("points")["AdClick"] = -4;
            r.Obj("tiers")["Tier3"] = 70;
        });

        var paths = ModelFileReader.Read(json).Errors.Select(e => e.Path);

        Assert.Equal(["$.weights", "$.intent.points.AdClick", "$.tiers.Tier3"], paths);
    }
    [Theory]
    [InlineData("$.colour")]
    [InlineData("$.fit.colour")]
    [InlineData("$.tiers.colour")]
    [InlineData("$.handoff.rules[0].colour")]
    [InlineData("$.handoff.rules[0].match.colour")]
    [InlineData("$.sla.colour")]
    [InlineData("$.sla.deadlines.Tier1.colour")]
    public void Read_UnknownMemberInAnySection_SameWording(string path)
    {
        var json = ModelJson.With(r =>
        {
            var target = path switch
            {
                "$.colour" => r,
                "$.fit.colour" => r.Obj("fit"),
                "$.tiers.colour" => r.Obj("tiers"),
                "$.handoff.rules[0].colour" => r.Obj("handoff")["rules"]![0]!.AsObject(),
                "$.handoff.rules[0].match.colour" => r.Obj("handoff")["rules"]![0]!.AsObject().Obj("match"),
                "$.sla.colour" => r.Obj("sla"),
                _ => r.Obj("sla").Obj("deadlines").Obj("Tier1"),
            };
            target["colour"] = "blue";
        });

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.StartsWith("unknown setting 'colour'; allowed here: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" (names are case-sensitive).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.tiers.Tier1", "[1, 100]")]
    [InlineData("$.handoff.reentryCoolDownDays", "[1, 365]")]
    [InlineData("$.handoff.rules[0].match.withinDays", "[1, 365]")]
    [InlineData("$.sla.recycleAfterBusinessDays", "[1, 365]")]
    public void Read_TextWhereAWholeNumberBelongs_SameWordingWithTheRange(string path, string range)
    {
        var json = ModelJson.With(r =>
        {
            var (target, name) = path switch
            {
                "$.tiers.Tier1" => (r.Obj("tiers"), "Tier1"),
                "$.handoff.reentryCoolDownDays" => (r.Obj("handoff"), "reentryCoolDownDays"),
                "$.handoff.rules[0].match.withinDays" => (r.Obj("handoff")["rules"]![0]!.AsObject().Obj("match"), "withinDays"),
                _ => (r.Obj("sla"), "recycleAfterBusinessDays"),
            };
            target[name] = "7";
        });

        var error = Assert.Single(ModelFileReader.Read(json).Errors);

        Assert.Equal(path, error.Path);
        Assert.StartsWith($"expected a whole number in {range}, found \"7\"; e.g. ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"tiers\": {", "Tier1", "$.tiers.Tier1")]
    [InlineData("\"sla\": {", "atRiskShare", "$.sla.atRiskShare")]
    [InlineData("\"match\": {", "withinDays", "$.handoff.rules[0].match.withinDays")]
    public void Read_DuplicateMemberInAnySection_Reported(string objectStart, string name, string path)
    {
        // JsonNode cannot hold a duplicate: write it into the text after the object's opening brace.
        var json = DefaultScoringModel.Json;
        var at = json.IndexOf(objectStart, StringComparison.Ordinal) + objectStart.Length;
        json = string.Concat(json.AsSpan(0, at), $" \"{name}\": 1,", json.AsSpan(at));

        var errors = ModelFileReader.Read(json).Errors;

        Assert.Contains(errors, e => e.Path == path && e.Message == $"'{name}' appears more than once; keep one.");
    }
}
