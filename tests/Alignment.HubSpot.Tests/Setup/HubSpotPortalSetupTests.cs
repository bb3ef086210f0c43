using System.Text.Json;
using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Setup;
using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Crm;
using Alignment.TestKit.Paths;

namespace Alignment.HubSpot.Tests.Setup;

public sealed class HubSpotPortalSetupTests
{
    private static readonly int Fields = Enum.GetValues<AlignmentField>().Length;
    private static readonly int Lists = HubSpotListDefinitions.For(new HubSpotPropertyMap()).Count;

    /// <summary>
    /// Requests checked against HubSpot's OpenAPI specs in shared/crm-api. That folder holds no Lists spec, so list
    /// requests are left out here and their shape is pinned by <see cref="EnsureAsync_EmptyPortal_CreatesActiveCompanyListsOnTheConnectorsProperties"/>
    /// against the documented one (an OR root of AND branches of PROPERTY filters), which the emulator enforces.
    /// </summary>
    private static IEnumerable<RecordedRequest> SpecifiedRequests(HubSpotTestHost host) =>
        host.Requests.Where(r => !r.Uri.AbsolutePath.Contains("/lists", StringComparison.Ordinal));

    [Fact]
    public async Task EnsureAsync_EmptyPortal_CreatesTheGroupAndEveryProperty()
    {
        var validator = new OpenApiRequestValidator();
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(Fields + 1 + Lists, result.Created.Count()); // every field's property, the group and the lists
        Assert.Contains(result.Created, e => e is { Kind: "group", Name: "alignment" });
        Assert.Equal(
            Enum.GetValues<AlignmentField>().Select(HubSpotPropertyMap.DefaultName).Order(),
            result.Created.Where(e => e.Kind == "property").Select(e => e.Name).Order());
        Assert.Empty(SpecifiedRequests(host).SelectMany(r => validator.Validate(r.Method, r.Uri, r.Body)));
    }

    [Fact]
    public async Task EnsureAsync_SecondRun_LeavesEverythingAlone()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);
        await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);
        var firstRun = host.Requests.Count;

        var again = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Fields + 1 + Lists, again.AlreadyPresent.Count());
        Assert.DoesNotContain(host.Requests.Skip(firstRun), r => r.Method == "POST");
        Assert.Equal(Lists, host.Emulator.Lists().Count);
    }

    [Fact]
    public async Task EnsureAsync_PropertyOfAnotherType_ReportsAConflictAndKeepsIt()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);
        using var http = await PortalWithGroupAsync(host);
        await http.PostAsync("crm/properties/2026-03/companies", Json("""{"name":"alignment_score","label":"Score","type":"string","fieldType":"text","groupName":"alignment"}"""), TestContext.Current.CancellationToken);

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("alignment_score", conflict.Name);
        Assert.Contains("string/text", conflict.Detail, StringComparison.Ordinal);
        Assert.Equal(Fields - 1 + Lists, result.Created.Count()); // neither the group nor the conflicting property; every list (none filters on the score)
    }

    [Fact]
    public async Task EnsureAsync_EnumerationMissingOptions_ReportsWhichAndKeepsIt()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);
        using var http = await PortalWithGroupAsync(host);
        await http.PostAsync("crm/properties/2026-03/companies", Json("""
            {"name":"alignment_tier","label":"Tier","type":"enumeration","fieldType":"select","groupName":"alignment",
             "options":[{"label":"Tier 1","value":"Tier1","displayOrder":0,"hidden":false}]}
            """), TestContext.Current.CancellationToken);

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);
        var again = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        var conflict = Assert.Single(result.Conflicts, c => c.Kind == "property");
        Assert.Equal("alignment_tier", conflict.Name);
        Assert.Contains("lacks the options Tier2, Tier3, None", conflict.Detail, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        // The two tier lists wait for the property: HubSpot would refuse a filter on a missing option.
        Assert.Equal([HubSpotListDefinitions.Tier1, HubSpotListDefinitions.Tier2], result.Conflicts.Where(c => c.Kind == "list").Select(c => c.Name).Order());
        Assert.All(result.Conflicts.Where(c => c.Kind == "list"), c => Assert.Contains("alignment_tier", c.Detail, StringComparison.Ordinal));
        Assert.Equal(["alignment_tier", HubSpotListDefinitions.Tier1, HubSpotListDefinitions.Tier2], again.Conflicts.Select(c => c.Name));
        Assert.Empty(again.Created);
    }

    [Fact]
    public async Task EnsureAsync_ConfiguredName_CreatesThePropertyUnderThatName()
    {
        await using var host = await HubSpotTestHost.StartAsync(
            [], o => o.DefineAlignmentProperties = false, new Dictionary<string, string?> { ["Alignment:HubSpot:Properties:Score"] = "abm_score" });

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.Contains(result.Created, e => e.Name == "abm_score");
        Assert.DoesNotContain(result.Entries, e => e.Name == "alignment_score");
    }

    [Fact]
    public async Task EnsureAsync_EmptyPortal_CreatesActiveCompanyListsOnTheConnectorsProperties()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            new[] { HubSpotListDefinitions.AwaitingConfirmation, HubSpotListDefinitions.PendingHandoffs, HubSpotListDefinitions.SlaAtRisk, HubSpotListDefinitions.Tier1, HubSpotListDefinitions.Tier2 }.Order(StringComparer.Ordinal),
            result.Created.Where(e => e.Kind == "list").Select(e => e.Name).Order(StringComparer.Ordinal));
        var lists = host.Emulator.Lists().ToDictionary(l => l["name"]!.ToString());
        Assert.All(lists.Values, l => Assert.Equal(("0-2", "DYNAMIC"), (l["objectTypeId"]!.ToString(), l["processingType"]!.ToString())));
        var review = lists[HubSpotListDefinitions.AwaitingConfirmation]["filterBranch"]!;
        Assert.Equal("OR", review["filterBranchType"]!.ToString());
        var filter = review["filterBranches"]![0]!["filters"]![0]!;
        Assert.Equal(("alignment_review_due", "BOOL", "IS_EQUAL_TO", true),
            (filter["property"]!.ToString(), filter["operation"]!["operationType"]!.ToString(), filter["operation"]!["operator"]!.ToString(), filter["operation"]!["value"]!.GetValue<bool>()));
        var sla = lists[HubSpotListDefinitions.SlaAtRisk]["filterBranch"]!["filterBranches"]![0]!["filters"]![0]!;
        Assert.Equal(("alignment_sla_status", "ENUMERATION", "IS_ANY_OF", "AtRisk,Breached"),
            (sla["property"]!.ToString(), sla["operation"]!["operationType"]!.ToString(), sla["operation"]!["operator"]!.ToString(),
             string.Join(",", sla["operation"]!["values"]!.AsArray().Select(v => v!.ToString()))));
    }

    [Fact]
    public async Task EnsureAsync_ListOfTheSameNameWithOtherFilters_ReportsItDiffersAndKeepsIt()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);
        await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);
        var tuned = host.Emulator.Lists().Single(l => l["name"]!.ToString() == HubSpotListDefinitions.Tier2);
        tuned["filterBranch"]!["filterBranches"]![0]!["filters"]![0]!["operation"]!["values"] = new System.Text.Json.Nodes.JsonArray("Tier2", "Tier3");
        host.Emulator.EditListFilters(HubSpotListDefinitions.Tier2, tuned["filterBranch"]!.AsObject());
        var before = host.Emulator.Lists().Single(l => l["name"]!.ToString() == HubSpotListDefinitions.Tier2).ToJsonString();

        var again = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.True(again.Succeeded); // kept, not a failure
        var differs = Assert.Single(again.Entries, e => e.Outcome == HubSpotSetupOutcome.Differs);
        Assert.Equal((HubSpotListDefinitions.Tier2, "list"), (differs.Name, differs.Kind));
        Assert.Contains("delete it in HubSpot", differs.Detail, StringComparison.Ordinal);
        Assert.Equal(before, host.Emulator.Lists().Single(l => l["name"]!.ToString() == HubSpotListDefinitions.Tier2).ToJsonString());
        Assert.Equal(Lists, host.Emulator.Lists().Count);
    }

    [Fact]
    public async Task EnsureAsync_AppWithoutTheListsScopes_PropertiesCreatedAndOneEntryNamesTheScopes()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);
        host.Emulator.Faults.ListsScopeMissing = true;

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(Fields + 1, result.Created.Count());
        var lists = Assert.Single(result.Entries, e => e.Kind == "list");
        Assert.Equal(HubSpotSetupOutcome.Conflict, lists.Outcome);
        Assert.Contains("crm.lists.read and crm.lists.write", lists.Detail, StringComparison.Ordinal);
        Assert.Contains("MISSING_SCOPES", lists.Detail, StringComparison.Ordinal);
        Assert.Single(host.Requests, r => r.Uri.AbsolutePath.Contains("/lists", StringComparison.Ordinal)); // not retried per list
    }

    [Fact]
    public async Task EnsureAsync_ConfiguredNames_ListsFilterOnThem()
    {
        await using var host = await HubSpotTestHost.StartAsync(
            [], o => o.DefineAlignmentProperties = false, new Dictionary<string, string?> { ["Alignment:HubSpot:Properties:Tier"] = "abm_tier" });

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var tier1 = host.Emulator.Lists().Single(l => l["name"]!.ToString() == HubSpotListDefinitions.Tier1);
        Assert.Equal("abm_tier", tier1["filterBranch"]!["filterBranches"]![0]!["filters"]![0]!["property"]!.ToString());
    }

    [Fact]
    public async Task Lists_Membership_IsWhatTheFiltersSelectOnTheCompanies()
    {
        var accounts = Enumerable.Range(1, 6).Select(i => SeedAccounts.Make((1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)) with
        {
            Current = new Core.Accounts.AlignmentState
            {
                Tier = i <= 2 ? Core.Tiers.Tier.Tier1 : i <= 4 ? Core.Tiers.Tier.Tier2 : Core.Tiers.Tier.Tier3,
                ReviewDue = i % 2 == 1,
                SlaStatus = i == 1 ? Core.Sla.SlaStatus.Breached : i == 3 ? Core.Sla.SlaStatus.AtRisk : i == 5 ? Core.Sla.SlaStatus.Met : null,
            },
        });
        await using var host = await HubSpotTestHost.StartAsync(accounts);

        await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        using var http = PortalClient(host);
        async Task<long> Size(string name)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"crm/v3/lists/object-type-id/0-2/name/{Uri.EscapeDataString(name)}", TestContext.Current.CancellationToken));
            Assert.False(doc.RootElement.GetProperty("list").TryGetProperty("filterBranch", out _)); // only with includeFilters=true
            return doc.RootElement.GetProperty("list").GetProperty("size").GetInt64();
        }

        Assert.Equal(2, await Size(HubSpotListDefinitions.Tier1));
        Assert.Equal(2, await Size(HubSpotListDefinitions.Tier2));
        Assert.Equal(2, await Size(HubSpotListDefinitions.SlaAtRisk));
        Assert.Equal(3, await Size(HubSpotListDefinitions.AwaitingConfirmation));
        Assert.Equal(0, await Size(HubSpotListDefinitions.PendingHandoffs));
    }

    [Theory]
    [InlineData("""{"filterBranchType":"AND","filterBranches":[],"filters":[]}""", "root filter branch must be of filterBranchType OR")]
    [InlineData("""{"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filterBranches":[],"filters":[{"filterType":"PROPERTY","property":"alignment_nope","operation":{"operationType":"BOOL","operator":"IS_EQUAL_TO","value":true}}]}],"filters":[]}""", "alignment_nope does not exist")]
    [InlineData("""{"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filterBranches":[],"filters":[{"filterType":"PROPERTY","property":"alignment_tier","operation":{"operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["Tier9"]}}]}],"filters":[]}""", "Tier9 is not an option")]
    [InlineData("""{"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filterBranches":[],"filters":[{"filterType":"PROPERTY","property":"alignment_tier","operation":{"operationType":"BOOL","operator":"IS_EQUAL_TO","value":true}}]}],"filters":[]}""", "does not apply to alignment_tier")]
    public async Task Emulator_ListWithBadFilters_Refused400NamingTheProblem(string branch, string message)
    {
        await using var host = await HubSpotTestHost.StartAsync([]);
        using var http = PortalClient(host);

        using var response = await http.PostAsync("crm/v3/lists", Json($$"""{"name":"x","objectTypeId":"0-2","processingType":"DYNAMIC","filterBranch":{{branch}}}"""), TestContext.Current.CancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void Definitions_EmbeddedResource_IsTheInfraFile()
    {
        var infra = File.ReadAllText(RepoPaths.InRepo("infra", "hubspot", "alignment-properties.json"));
        using var stream = typeof(HubSpotPortalSetup).Assembly.GetManifestResourceStream(HubSpotPropertyDefinitions.ResourceName)!;
        using var reader = new StreamReader(stream);

        Assert.Equal(infra, reader.ReadToEnd());
        using var doc = JsonDocument.Parse(infra);
        Assert.Equal(
            Enum.GetValues<AlignmentField>().Select(f => (f.ToString(), HubSpotPropertyMap.DefaultName(f))),
            doc.RootElement.GetProperty("properties").EnumerateArray().Select(p => (p.GetProperty("field").GetString()!, p.GetProperty("name").GetString()!)));
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    /// <summary>A client of the emulated portal with the test token, as someone editing the portal by hand.</summary>
    private static HttpClient PortalClient(HubSpotTestHost host)
    {
        var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = host.Emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", HubSpotTestHost.Token);
        return http;
    }

    /// <summary><see cref="PortalClient"/> after creating the <c>alignment</c> property group by hand.</summary>
    private static async Task<HttpClient> PortalWithGroupAsync(HubSpotTestHost host)
    {
        var http = PortalClient(host);
        await http.PostAsync("crm/properties/2026-03/companies/groups", Json("""{"name":"alignment","label":"Alignment"}"""), TestContext.Current.CancellationToken);
        return http;
    }
}
