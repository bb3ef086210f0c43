using System.Text.Json.Nodes;
using Alignment.Cli.Commands;
using Alignment.TestKit.Paths;
using Alignment.TestKit.Scoring;

namespace Alignment.Cli.Tests.Evaluate;

public sealed class EvaluateCommandTests : IDisposable
{
    private const string Snapshot = """
        { "asOf": "2026-11-01T00:00:00Z",
          "accounts": [
            { "id": "001A01", "name": "Acme", "employees": 450, "industry": "Software", "country": "US", "technologies": ["Salesforce"],
              "current": { "tier": "Tier2", "tierLocked": false },
              "signals": [
                { "kind": "PricingPageView", "at": "2026-11-13T15:00:00Z", "contactId": "c1" },
                { "kind": "ThirdPartyIntent", "at": "2026-11-20T15:00:00Z", "strength": 0.5 },
                { "kind": "MeetingBooked", "at": "2026-11-06T15:00:00Z", "contactId": "c1" },
                { "kind": "DemoAttended", "at": "2026-11-20T15:00:00Z", "contactId": "c2" } ] },
            { "id": "001A02",
              "current": { "tier": "Tier1", "tierLocked": true },
              "signals": [
                { "kind": "WebVisit", "at": "2026-11-21T15:00:00Z", "contactId": "c9" },
                { "kind": "EmailOpen", "at": "2026-10-21T15:00:00Z", "contactId": "c9" } ] } ] }
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Evaluate_GoldenSnapshotAsJson_HandComputed()
    {
        var input = _files.Write("snapshot.json", Snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--as-of", "2026-11-20T15:00:00Z", "--format", "json");

        // 001A01: fit 30+30+20+20 = 100; intent 15·0.5 + 10·0.5 = 12.5; engagement 30·0.5 + 40 + bonus 10 = 65;
        // composite 0.4·100 + 0.3·12.5 + 0.3·65 = 63.25 → 63: stays Tier2 (63 ≥ 65 − 5).
        // 001A02: the future web visit counts as now (3), the email open is 30 days old (out); 0.3·3 = 0.9 → 1;
        // suggested None, locked at Tier1.
        var expected = """
            [ { "id": "001A01", "fit": 100, "intent": 13, "engagement": 65, "score": 63, "tier": "Tier2", "suggestedTier": "Tier2",
                "reasons": [ "ICP: Software, 200–5000 employees", "Demo attended today", "Meeting booked 14d ago" ],
                "handoff": null, "sla": null },
              { "id": "001A02", "fit": 0, "intent": 3, "engagement": 0, "score": 1, "tier": "Tier1", "suggestedTier": "None",
                "reasons": [ "Web visit today" ], "handoff": null, "sla": null } ]
            """;
        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(run.Stdout)), run.Stdout);
    }

    [Fact]
    public async Task Evaluate_HandoffAndSla_HandComputed()
    {
        // Friday 2026-11-20 15:00Z = 10:00 EST = 16:00 CET = 20:30 IST.
        const string snapshot = """
            { "asOf": "2026-11-20T15:00:00Z",
              "accounts": [
                { "id": "new-berlin", "employees": 450, "industry": "Software", "country": "DE", "technologies": ["HubSpot"],
                  "owner": { "id": "o1", "timeZone": "Europe/Berlin" },
                  "current": { "tier": "None", "handoffStatus": "None" },
                  "signals": [
                    { "kind": "PricingPageView", "at": "2026-11-20T15:00:00Z", "contactId": "c1" },
                    { "kind": "PricingPageView", "at": "2026-11-20T15:00:00Z", "contactId": "c1" },
                    { "kind": "PricingPageView", "at": "2026-11-20T15:00:00Z", "contactId": "c2" },
                    { "kind": "PricingPageView", "at": "2026-11-20T15:00:00Z", "contactId": "c2" } ] },
                { "id": "pending-ny",
                  "owner": { "id": "o2", "timeZone": null },
                  "current": { "tier": "Tier2", "handoffStatus": "Pending", "handoffAt": "2026-11-20T14:00:00Z", "handoffTier": "Tier2", "slaDue": null },
                  "signals": [ { "kind": "SalesTouch", "at": "2026-11-20T13:59:59Z" } ] },
                { "id": "recycled", "current": { "tier": "Tier2", "handoffStatus": "Recycled", "handoffAt": "2026-11-01T14:00:00Z" },
                  "signals": [ { "kind": "PricingPageView", "at": "2026-11-20T15:00:00Z" } ] } ] }
            """;
        var input = _files.Write("handoff.json", snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--format", "json");

        // new-berlin: fit 100, intent 4 × 15 = 60, engagement 0 → 0.4·100 + 0.3·60 = 58 → Tier3 (from None). Not Tier 1/2, so
        // no pricing-surge; mqa: 4 interactions from 2 contacts, fit 100 ≥ 60, intent 60 ≥ 50. Tier 3 → 16 business
        // hours from Fri 16:00 CET: 1 h Fri + 8 h Mon + 7 h Tue → Tue 2026-11-24 16:00 CET = 15:00Z.
        // pending-ny: 09:00 EST + 4 business hours = 13:00 EST (18:00Z); at 10:00 EST 1 h of 4 gone; the touch one
        // second before the handoff does not count → OnTrack.
        // recycled: a human-set status; no new handoff and no SLA.
        var output = JsonNode.Parse(run.Stdout)!.AsArray();
        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
        Assert.Equal((58, "Tier3"), (output[0]!["score"]!.GetValue<int>(), output[0]!["tier"]!.GetValue<string>()));
        var handoff = """{ "rule": "mqa", "at": "2026-11-20T15:00:00Z", "tier": "Tier3", "slaDue": "2026-11-24T15:00:00Z" }""";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(handoff), output[0]!["handoff"]), run.Stdout);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "status": "OnTrack", "due": "2026-11-24T15:00:00Z" }"""), output[0]!["sla"]), run.Stdout);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "status": "OnTrack", "due": "2026-11-20T18:00:00Z" }"""), output[1]!["sla"]), run.Stdout);
        Assert.Null(output[1]!["handoff"]);
        Assert.Equal((null, null), (output[2]!["handoff"], output[2]!["sla"]));
    }

    [Fact]
    public async Task Evaluate_NewHandoff_RuleInstantTierAndDueInTheOwnersZone()
    {
        // Friday 2026-11-20 13:00Z = 14:00 CET: three pricing views today, Tier 1 held → pricing-surge (no meeting);
        // Tier 1 before 15:00 local during business hours → due Friday 17:00 CET = 16:00Z.
        const string snapshot = """
            { "asOf": "2026-11-20T13:00:00Z",
              "accounts": [
                { "id": "surge", "owner": { "id": "o1", "timeZone": "Europe/Berlin" },
                  "current": { "tier": "Tier1", "tierLocked": true, "handoffStatus": "None" },
                  "signals": [
                    { "kind": "PricingPageView", "at": "2026-11-20T12:00:00Z" },
                    { "kind": "PricingPageView", "at": "2026-11-20T12:10:00Z" },
                    { "kind": "PricingPageView", "at": "2026-11-20T12:20:00Z" } ] } ] }
            """;
        var input = _files.Write("surge.json", snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--format", "json");

        var expected = """
            { "rule": "pricing-surge", "at": "2026-11-20T13:00:00Z", "tier": "Tier1", "slaDue": "2026-11-20T16:00:00Z" }
            """;
        var account = JsonNode.Parse(run.Stdout)![0]!;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["id", "fit", "intent", "engagement", "score", "tier", "suggestedTier", "reasons", "handoff", "sla"], account.AsObject().Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), account["handoff"]), run.Stdout);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "status": "OnTrack", "due": "2026-11-20T16:00:00Z" }"""), account["sla"]), run.Stdout);
    }

    [Fact]
    public async Task Evaluate_NoAsOfOption_UsesTheSnapshotsAsOf()
    {
        var input = _files.Write("snapshot.json", Snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--format", "json");

        // As of 2026-11-01 every signal of 001A01 is in the future (age 0): intent 15 + 5 = 20, engagement 30 + 40 + 10 = 80;
        // 0.4·100 + 0.3·20 + 0.3·80 = 70.
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(70, JsonNode.Parse(run.Stdout)![0]!["score"]!.GetValue<int>());
    }

    [Fact]
    public async Task Evaluate_NoModelOption_UsesTheModelNextToTheExecutable()
    {
        Assert.True(File.Exists(EvaluateCommand.DefaultModelPath), "config/scoring.json must be copied next to the executable.");
        var input = _files.Write("snapshot.json", Snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--as-of", "2026-11-20T15:00:00Z", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(63, JsonNode.Parse(run.Stdout)![0]!["score"]!.GetValue<int>());
    }

    [Fact]
    public async Task Evaluate_ShippedSample_EveryAccountInInputOrder()
    {
        var sample = RepoPaths.InRepo("samples", "snapshot.json");
        var ids = JsonNode.Parse(File.ReadAllText(sample))!["accounts"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();

        var run = await EvaluateRun.RunAsync("--input", sample, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var output = JsonNode.Parse(run.Stdout)!.AsArray();
        Assert.Equal(ids, output.Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(["None", "Tier1", "Tier2", "Tier3"], output.Select(a => a!["tier"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Evaluate_TableFormat_RowsAndSummary()
    {
        var input = _files.Write("snapshot.json", Snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--as-of", "2026-11-20T15:00:00Z", "--format", "table");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Acme", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Demo attended today", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("suggested None", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 accounts as of 2026-11-20T15:00:00Z · model 2026.11.0", run.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadModels => new()
    {
        { "weights", ModelWith(r => r["weights"]!["fit"] = 0.5), "$.weights" },
        { "overlapping bands", ModelWith(r => r["fit"]!["criteria"]![0]!["bands"]![1]!["min"] = 100), "$.fit.criteria[0].bands[1]" },
        { "thresholds", ModelWith(r => r["tiers"]!["Tier2"] = 90), "$.tiers.Tier2" },
        { "unknown kind", ModelWith(r => r["intent"]!["points"]!["Webinar"] = 5), "$.intent.points.Webinar" },
        { "negative points", ModelWith(r => r["engagement"]!["points"]!["DemoAttended"] = -40), "$.engagement.points.DemoAttended" },
        { "missing member", ModelWith(r => r["intent"]!.AsObject().Remove("cap")), "$.intent.cap" },
        { "handoff kind", ModelWith(r => r["handoff"]!["rules"]![0]!["match"]!["kinds"]![0] = "Webinar"), "$.handoff.rules[0].match.kinds[0]" },
        { "unknown zone", ModelWith(r => r["sla"]!["defaultTimeZone"] = "Mars/Phobos"), "$.sla.defaultTimeZone" },
        { "malformed", "{ \"version\": \"2026.11.0\",\n  \"weights\": { \"fit\": 0.4 \"intent\": 0.3 } }", "line 2" },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public async Task Evaluate_BadModel_ExitTwoPathOnStderrNothingOnStdout(string problem, string model, string expected)
    {
        var modelPath = _files.Write($"model-{problem.Replace(' ', '-')}.json", model);
        var input = _files.Write("snapshot.json", Snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--model", modelPath, "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(modelPath, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    public static TheoryData<string, string, string> BadSnapshots => new()
    {
        { "missing id", """{ "asOf": "2026-11-20T15:00:00Z", "accounts": [ { "id": "a" }, { "name": "Acme" } ] }""", "$.accounts[1].id" },
        { "unknown kind", """{ "asOf": "2026-11-20T15:00:00Z", "accounts": [ { "id": "a", "signals": [ { "kind": "Webinar", "at": "2026-11-19T10:00:00Z" } ] } ] }""", "$.accounts[0].signals[0].kind" },
        { "bad instant", """{ "asOf": "2026-11-20T15:00:00Z", "accounts": [ { "id": "a", "signals": [ { "kind": "WebVisit", "at": "19/11/2026" } ] } ] }""", "$.accounts[0].signals[0].at" },
        { "malformed", "{ \"accounts\": [\n  { \"id\": \"a\", }\n] }", "line 2" },
        { "unknown time zone", """{ "asOf": "2026-11-20T15:00:00Z", "accounts": [ { "id": "a", "owner": { "id": "o", "timeZone": "Mars/Phobos" } } ] }""", "$.accounts[0].owner.timeZone: Unknown time zone id 'Mars/Phobos'" },
        { "no asOf", """{ "accounts": [ { "id": "a" } ] }""", "$.asOf" },
    };

    [Theory]
    [MemberData(nameof(BadSnapshots))]
    public async Task Evaluate_BadSnapshot_ExitTwoPathOnStderrNothingOnStdout(string problem, string snapshot, string expected)
    {
        var input = _files.Write($"snapshot-{problem.Replace(' ', '-')}.json", snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--model", DefaultScoringModel.FilePath, "--format", "table");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("--input")]
    [InlineData("--model")]
    public async Task Evaluate_MissingFile_ExitTwoNamingTheOption(string option)
    {
        var existing = _files.Write("snapshot.json", Snapshot);
        var missing = Path.Combine(Path.GetTempPath(), "alignment-no-such-file.json");
        var args = option == "--input"
            ? new[] { "--input", missing, "--model", DefaultScoringModel.FilePath }
            : ["--input", existing, "--model", missing];

        var run = await EvaluateRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option} {missing}: file not found", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-11-20T15:00:00")]
    public async Task Evaluate_BadAsOf_ExitTwo(string asOf)
    {
        var input = _files.Write("snapshot.json", Snapshot);

        var run = await EvaluateRun.RunAsync("--input", input, "--as-of", asOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--as-of", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    private static string ModelWith(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(DefaultScoringModel.Json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }
}
