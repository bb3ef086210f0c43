using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alignment.Cli.Commands;
using Alignment.Cli.Sandbox;
using Alignment.Cli.Tests.Evaluate;
using Alignment.Hosting;
using Alignment.Sync.Crm;

namespace Alignment.Cli.Tests.Scoreboard;

/// <summary>
/// <c>alignment scoreboard</c> through the real composition: a scoring run on the sandbox records its handoffs in the
/// ledger (Azurite), and the week's scoreboard counts exactly those, as JSON and as CSV; a malformed week is exit 2.
/// </summary>
public sealed class ScoreboardCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Scoreboard_AfterAScoringRun_CountsTheRunsHandoffsThisWeek()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxEnvironment.StartAsync(new SandboxOptions { Crms = [CrmKind.Salesforce], AccountCount = 60, Seed = 11 }, null, ct);
        var settings = _files.Write("settings.json", JsonSerializer.Serialize(new
        {
            Values = sandbox.ConnectorSettings(CrmKind.Salesforce)
                .Append(new KeyValuePair<string, string?>("Alignment:Sync:WeeklyHandoffCommitment", "3"))
                .ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value),
        }));

        var run = await RunAsync("run", "--settings", settings, "--json");
        Assert.True(run.Exit == ExitCodes.Ok, run.Stderr);
        var handoffs = (int)JsonNode.Parse(run.Stdout)!["handoffs"]!;
        Assert.True(handoffs > 0, "The sandbox run made no handoff; the scoreboard would have nothing to count.");

        var json = await RunAsync("scoreboard", "--settings", settings, "--format", "json");
        var csv = await RunAsync("scoreboard", "--settings", settings, "--format", "csv");

        Assert.True(json.Exit == ExitCodes.Ok, json.Stderr);
        var report = JsonNode.Parse(json.Stdout)!;
        Assert.Equal(handoffs, (int)report["this"]!["handoffs"]!);
        Assert.Equal(3, (int)report["this"]!["commitment"]!);
        Assert.Equal(handoffs, report["this"]!["byRule"]!.AsArray().Sum(r => (int)r!["count"]!));
        Assert.Equal(0, (int)report["previous"]!["handoffs"]!);
        Assert.True(csv.Exit == ExitCodes.Ok, csv.Stderr);
        var lines = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("week,scope,metric,value", lines[0]);
        Assert.Contains($"{report["this"]!["week"]},team,handoffs,{handoffs}", lines);

        // From the CRM: every sandbox account counted by the tier the emulator holds; the first run tiered them (new).
        var census = report["census"]!;
        Assert.Equal(60, (int)census["accounts"]!);
        var byTier = census["byTier"]!.AsArray().ToDictionary(c => (string)c!["key"]!, c => (int)c!["count"]!);
        var held = sandbox.Salesforce!.AccountIds().Select(id => sandbox.Salesforce.GetAccountFields(id)!["Alignment_Tier__c"] as string ?? "None")
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(held, h => Assert.Equal(h.Value, byTier[h.Key]));
        Assert.Equal(2, report["conversions"]!.AsArray().Count);
        Assert.Contains(lines, l => l.StartsWith($"{report["this"]!["week"]},now,accounts,60", StringComparison.Ordinal));

        // --no-crm: the ledger figures alone, without a single CRM call.
        var before = sandbox.Salesforce.Requests;
        var ledgerOnly = await RunAsync("scoreboard", "--settings", settings, "--format", "json", "--no-crm");
        Assert.True(ledgerOnly.Exit == ExitCodes.Ok, ledgerOnly.Stderr);
        Assert.Null(JsonNode.Parse(ledgerOnly.Stdout)!["census"]);
        Assert.Equal(handoffs, (int)JsonNode.Parse(ledgerOnly.Stdout)!["this"]!["handoffs"]!);
        Assert.Equal(before.Reads + before.Writes, sandbox.Salesforce.Requests.Reads + sandbox.Salesforce.Requests.Writes);
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-48")]
    public async Task Scoreboard_MalformedWeek_Exit2NamingIt(string week)
    {
        var (exit, _, stderr) = await RunAsync("scoreboard", "--week", week);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(week, stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandCatalog.InvokeAsync(args, new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
