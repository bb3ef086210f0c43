using System.Text.Json.Nodes;
using Alignment.Cli.Tests.Evaluate;
using Alignment.Core.Model;
using Alignment.TestKit.Calibration;
using Alignment.TestKit.Scoring;

namespace Alignment.Cli.Tests.Calibrate;

public sealed class CalibrateCommandTests : IDisposable
{
    // a-fit: full fit (100) and no signal → composite 40 (Tier3); a-none: no fit → 0 (None).
    private const string Snapshot = """
        { "asOf": "2026-11-20T15:00:00Z",
          "accounts": [
            { "id": "a-fit", "employees": 450, "industry": "Software", "country": "US", "technologies": ["Salesforce"],
              "signals": [ { "kind": "DemoAttended", "at": "2026-05-01T00:00:00Z", "contactId": "late" } ] },
            { "id": "a-none", "employees": 5, "industry": "Agriculture", "country": "ZZ" } ],
          "opportunities": [
            { "id": "o1", "accountId": "a-fit", "createdAt": "2026-04-01T00:00:00Z", "closedAt": "2026-05-01T00:00:00Z", "won": true, "amount": 1000 },
            { "id": "o2", "accountId": "a-none", "createdAt": "2026-04-01T00:00:00Z", "closedAt": "2026-05-01T00:00:00Z", "won": false, "amount": 500 },
            { "id": "o3", "accountId": "a-fit", "createdAt": "2026-04-01T00:00:00Z", "closedAt": "2026-05-01T00:00:00Z", "won": false, "amount": null },
            { "id": "o4", "accountId": "gone", "createdAt": "2026-04-01T00:00:00Z", "closedAt": "2026-05-01T00:00:00Z", "won": true, "amount": 1 },
            { "id": "o5", "accountId": "a-fit", "createdAt": "2026-04-01T00:00:00Z", "closedAt": null, "won": null, "amount": 1 },
            { "id": "o6", "accountId": "a-fit", "createdAt": "2026-04-01T00:00:00Z", "closedAt": "2026-03-01T00:00:00Z", "won": true, "amount": 1 } ] }
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Calibrate_Json_HandComputedContract()
    {
        var input = _files.Write("snapshot.json", Snapshot);

        var run = await CalibrateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--format", "json");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
        var json = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Equal(3, (int)json["opportunities"]!);
        Assert.Equal(1, (int)json["won"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "unknownAccount": 1, "notClosed": 1, "closedBeforeCreated": 1 }"""), json["skipped"]), json["skipped"]!.ToJsonString());

        // Fit: won {100}, lost {0, 100}: (100 > 0) = 1, (100 = 100) = ½ → 1.5 / 2. The demo attended after creation does not
        // count, so intent and engagement are all 0: all ties → 0.5. Composite 40 vs {0, 40}: as fit.
        Assert.Equal(0.75, (double)json["dimensions"]!["fit"]!["auc"]!);
        Assert.Equal(0.5, (double)json["dimensions"]!["intent"]!["auc"]!);
        Assert.Equal(0.5, (double)json["dimensions"]!["engagement"]!["auc"]!);
        Assert.Equal(0.75, (double)json["dimensions"]!["composite"]!["auc"]!);
        foreach (var name in new[] { "fit", "intent", "engagement", "composite" })
        {
            var d = json["dimensions"]![name]!;
            Assert.InRange((double)d["auc"]!, (double)d["aucLow"]!, (double)d["aucHigh"]!);
        }

        var expectedTiers = """
            [ { "tier": "Tier1", "opportunities": 0, "won": 0, "winRate": null, "pipeline": 0, "wonAmount": 0 },
              { "tier": "Tier2", "opportunities": 0, "won": 0, "winRate": null, "pipeline": 0, "wonAmount": 0 },
              { "tier": "Tier3", "opportunities": 2, "won": 1, "winRate": 0.5, "pipeline": 1000, "wonAmount": 1000 },
              { "tier": "None", "opportunities": 1, "won": 0, "winRate": 0, "pipeline": 500, "wonAmount": 0 } ]
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedTiers), json["tiers"]), json["tiers"]!.ToJsonString());
        Assert.IsType<JsonArray>(json["segments"]);
        var suggested = json["suggested"]!;
        Assert.Equal("2026.11.1", (string)suggested["modelVersion"]!);
        Assert.Equal(100, (int)suggested["weights"]!["fit"]! + (int)suggested["weights"]!["intent"]! + (int)suggested["weights"]!["engagement"]!);
        Assert.True((int)suggested["thresholds"]!["Tier1"]! > (int)suggested["thresholds"]!["Tier2"]!);
        Assert.False((bool)suggested["applied"]!);
        Assert.Equal(16, json["migration"]!.AsArray().Count);
        Assert.Equal(2, (int)json["fieldDiff"]!["accounts"]!);
    }

    [Fact]
    public async Task Calibrate_GeneratedOrg_ProposalValidatesAndHtmlIsSelfContained()
    {
        var org = CalibrationOrg.Generate(1200, seed: 12, weakIndustry: "Fintech");
        var input = _files.Write("org.json", org.ToSnapshotJson());
        var proposal = _files.Write("proposed.json", string.Empty);
        var html = _files.Write("report.html", string.Empty);

        var run = await CalibrateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--format", "json",
            "--propose", proposal, "--html", html, "--resamples", "200");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
        var json = JsonNode.Parse(run.Stdout)!;
        Assert.Equal(1200, (int)json["opportunities"]!);
        Assert.Contains(json["segments"]!.AsArray(), s => (string)s!["value"]! == "Fintech" && (bool)s["flagged"]!);
        var read = ModelFileReader.Read(File.ReadAllText(proposal));
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal((string)json["suggested"]!["modelVersion"]!, read.Model.Version);
        Assert.Equal((int)json["suggested"]!["thresholds"]!["Tier1"]!, read.Model.Tiers.Tier1);

        var page = File.ReadAllText(html);
        Assert.Equal(3, CountOf(page, "<svg"));
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Fintech", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_Table_SaysWhatIsFlaggedAndProposed()
    {
        var org = CalibrationOrg.Generate(1200, seed: 12, weakIndustry: "Fintech");
        var input = _files.Write("org.json", org.ToSnapshotJson());

        var run = await CalibrateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--resamples", "50");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
        Assert.Contains("Flagged segments", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fintech", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Suggested (not applied) model 2026.11.1", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "asOf": "2026-11-20T15:00:00Z", "accounts": [] }""", "$.opportunities")]
    [InlineData("""{ "asOf": "2026-11-20T15:00:00Z", "accounts": [], "opportunities": [ { "id": "o", "accountId": "a", "createdAt": "yesterday" } ] }""", "$.opportunities[0].createdAt")]
    [InlineData("""{ "asOf": "2026-11-20T15:00:00Z", "accounts": [ { "id": 5 } ], "opportunities": [] }""", "$.accounts[0].id")]
    [InlineData("""{ "accounts": [], "opportunities": [] }""", "$.asOf")]
    public async Task Calibrate_BadSnapshot_ExitsTwoNamingThePath(string snapshot, string path)
    {
        var input = _files.Write("bad.json", snapshot);

        var run = await CalibrateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(path + ":", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--capacities", "0.5,0.4,0.3")]
    [InlineData("--capacities", "five")]
    public async Task Calibrate_BadCapacities_ExitsTwo(string option, string value)
    {
        var input = _files.Write("snapshot.json", Snapshot);

        var run = await CalibrateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--capacities", run.Stderr, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
