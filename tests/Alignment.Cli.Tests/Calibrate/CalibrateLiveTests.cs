using System.Text.Json;
using System.Text.Json.Nodes;
using Alignment.Cli.Sandbox;
using Alignment.Cli.Tests.Evaluate;
using Alignment.Hosting;
using Alignment.Sync.Crm;
using Alignment.TestKit.Scoring;

namespace Alignment.Cli.Tests.Calibrate;

public sealed class CalibrateLiveTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(CrmKind.Salesforce)]
    [InlineData(CrmKind.HubSpot)]
    public async Task Calibrate_WithoutInput_ReadsAccountsAndOpportunitiesFromTheCrm(CrmKind crm)
    {
        await using var sandbox = await SandboxEnvironment.StartAsync(
            new SandboxOptions { Crms = [crm], Azurite = false, AccountCount = 600, Seed = 42 }, null, TestContext.Current.CancellationToken);
        var values = new Dictionary<string, string?>(sandbox.ConnectorSettings(crm))
        {
            ["Alignment:State:ConnectionString"] = "UseDevelopmentStorage=true",
        }.ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value);
        var settings = _files.Write("settings.json", JsonSerializer.Serialize(new { Values = values }));

        var run = await CalibrateRun.RunAsync("--settings", settings, "--model", DefaultScoringModel.FilePath, "--format", "json", "--resamples", "100");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = JsonNode.Parse(run.Stdout)!;
        Assert.Equal(600, (int)json["accounts"]!);
        Assert.True((int)json["opportunities"]! > 30, run.Stdout[..200]);
        Assert.True((int)json["won"]! > 0 && (int)json["lost"]! > 0);
        Assert.NotNull(json["dimensions"]!["composite"]!["auc"]);
        // The same generated outcomes on both CRMs: Salesforce opportunities, HubSpot deals.
        var generated = Alignment.Sandbox.Generation.OpportunityGenerator.Generate(sandbox.Org, 42).Where(o => o.IsClosed).ToList();
        Assert.Equal((generated.Count, generated.Count(o => o.Won == true)), ((int)json["opportunities"]!, (int)json["won"]!));
    }
}
