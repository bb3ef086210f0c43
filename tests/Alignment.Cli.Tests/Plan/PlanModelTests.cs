using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alignment.Cli.Commands;
using Alignment.Cli.Sandbox;
using Alignment.Cli.Tests.Evaluate;
using Alignment.Hosting;
using Alignment.Sync.Crm;
using Alignment.TestKit.Scoring;

namespace Alignment.Cli.Tests.Plan;

/// <summary>
/// <c>alignment plan --model FILE</c> previews a candidate model against the live CRM (here the sandbox's Salesforce
/// and Azurite): the candidate's version, the tier migration over every account read, the writes; nothing is written.
/// A candidate that does not validate stops with exit 2 naming the file.
/// </summary>
public sealed class PlanModelTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Plan_CandidateModel_ReportsItsVersionMigrationAndWritesWithoutWriting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxEnvironment.StartAsync(
            new SandboxOptions { Crms = [CrmKind.Salesforce], AccountCount = 40, Seed = 7 }, null, ct);
        var settings = _files.Write("settings.json", JsonSerializer.Serialize(new
        {
            Values = sandbox.ConnectorSettings(CrmKind.Salesforce).ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value),
        }));
        var candidate = JsonNode.Parse(await File.ReadAllTextAsync(DefaultScoringModel.FilePath, ct))!;
        candidate["version"] = "2099.01.0";
        candidate["tiers"]!["Tier1"] = 99;
        var model = _files.Write("candidate.json", candidate.ToJsonString());
        var writesBefore = sandbox.Salesforce!.Requests.Writes;

        var (exit, stdout, stderr) = await RunAsync("plan", "--settings", settings, "--model", model, "--json");

        Assert.True(exit == ExitCodes.Ok, stderr);
        var report = JsonNode.Parse(stdout)!;
        Assert.Equal("2099.01.0", (string?)report["modelVersion"]);
        Assert.Equal(40, (int)report["read"]!);
        var migration = report["migration"]!.AsArray();
        Assert.Equal(40, migration.Sum(m => (int)m!["accounts"]!));
        Assert.DoesNotContain(migration, m => (string?)m!["to"] == "Tier1");
        Assert.True((int)report["writeCalls"]! >= 1);
        Assert.Equal(writesBefore, sandbox.Salesforce.Requests.Writes);
    }

    [Fact]
    public async Task Plan_CandidateModelInvalid_Exit2NamingTheFileAndThePath()
    {
        var model = _files.Write("candidate.json", """{ "version": "x", "weights": { "fit": 200 } }""");

        var (exit, _, stderr) = await RunAsync("plan", "--model", model);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(model, stderr, StringComparison.Ordinal);
        Assert.Contains("Alignment:Sync:ModelPath", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandCatalog.InvokeAsync(args, new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
