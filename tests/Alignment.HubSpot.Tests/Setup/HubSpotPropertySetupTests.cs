using System.Text.Json;
using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Setup;
using Alignment.HubSpot.Tests.Support;
using Alignment.Sync.Crm;
using Alignment.TestKit.Paths;

namespace Alignment.HubSpot.Tests.Setup;

public sealed class HubSpotPropertySetupTests
{
    [Fact]
    public async Task EnsureAsync_EmptyPortal_CreatesTheGroupAndEveryProperty()
    {
        var validator = new OpenApiRequestValidator();
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(Enum.GetValues<AlignmentField>().Length + 1, result.Created.Count()); // every field's property and the group
        Assert.Contains(result.Created, e => e is { Kind: "group", Name: "alignment" });
        Assert.Equal(
            Enum.GetValues<AlignmentField>().Select(HubSpotPropertyMap.DefaultName).Order(),
            result.Created.Where(e => e.Kind == "property").Select(e => e.Name).Order());
        Assert.Empty(host.Requests.SelectMany(r => validator.Validate(r.Method, r.Uri, r.Body)));
    }

    [Fact]
    public async Task EnsureAsync_SecondRun_LeavesEverythingAlone()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);
        await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);
        var firstRun = host.Requests.Count;

        var again = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enum.GetValues<AlignmentField>().Length + 1, again.AlreadyPresent.Count());
        Assert.DoesNotContain(host.Requests.Skip(firstRun), r => r.Method == "POST");
    }

    [Fact]
    public async Task EnsureAsync_PropertyOfAnotherType_ReportsAConflictAndKeepsIt()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = host.Emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", HubSpotTestHost.Token);
        await http.PostAsync("crm/properties/2026-03/companies/groups", Json("""{"name":"alignment","label":"Alignment"}"""), TestContext.Current.CancellationToken);
        await http.PostAsync("crm/properties/2026-03/companies", Json("""{"name":"alignment_score","label":"Score","type":"string","fieldType":"text","groupName":"alignment"}"""), TestContext.Current.CancellationToken);

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("alignment_score", conflict.Name);
        Assert.Contains("string/text", conflict.Detail, StringComparison.Ordinal);
        Assert.Equal(Enum.GetValues<AlignmentField>().Length - 1, result.Created.Count()); // neither the group nor the conflicting property
    }

    [Fact]
    public async Task EnsureAsync_EnumerationMissingOptions_ReportsWhichAndKeepsIt()
    {
        await using var host = await HubSpotTestHost.StartAsync([], o => o.DefineAlignmentProperties = false);
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = host.Emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", HubSpotTestHost.Token);
        await http.PostAsync("crm/properties/2026-03/companies/groups", Json("""{"name":"alignment","label":"Alignment"}"""), TestContext.Current.CancellationToken);
        await http.PostAsync("crm/properties/2026-03/companies", Json("""
            {"name":"alignment_tier","label":"Tier","type":"enumeration","fieldType":"select","groupName":"alignment",
             "options":[{"label":"Tier 1","value":"Tier1","displayOrder":0,"hidden":false}]}
            """), TestContext.Current.CancellationToken);

        var result = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);
        var again = await host.Setup.EnsureAsync(TestContext.Current.CancellationToken);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("alignment_tier", conflict.Name);
        Assert.Contains("lacks the options Tier2, Tier3, None", conflict.Detail, StringComparison.Ordinal);
        Assert.False(result.Succeeded);
        Assert.Equal(["alignment_tier"], again.Conflicts.Select(c => c.Name));
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
    public void Definitions_EmbeddedResource_IsTheInfraFile()
    {
        var infra = File.ReadAllText(RepoPaths.InRepo("infra", "hubspot", "alignment-properties.json"));
        using var stream = typeof(HubSpotPropertySetup).Assembly.GetManifestResourceStream(HubSpotPropertyDefinitions.ResourceName)!;
        using var reader = new StreamReader(stream);

        Assert.Equal(infra, reader.ReadToEnd());
        using var doc = JsonDocument.Parse(infra);
        Assert.Equal(
            Enum.GetValues<AlignmentField>().Select(f => (f.ToString(), HubSpotPropertyMap.DefaultName(f))),
            doc.RootElement.GetProperty("properties").EnumerateArray().Select(p => (p.GetProperty("field").GetString()!, p.GetProperty("name").GetString()!)));
    }

    private static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");
}
