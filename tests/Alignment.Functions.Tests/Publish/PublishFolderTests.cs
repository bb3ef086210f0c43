using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alignment.Functions.Tests.Metadata;
using Alignment.TestKit.Paths;

namespace Alignment.Functions.Tests.Publish;

/// <summary>
/// <c>dotnet publish</c> of the Functions project, exactly as the README's deploy section runs it, gives the folder the
/// Flex Consumption app (infra/) runs: the worker, its metadata and config, <c>host.json</c>, the extensions bundle
/// list and the scoring model; never <c>local.settings.json</c>.
/// </summary>
public sealed partial class PublishFolderTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("alignment-publish-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task DotnetPublish_ReadmeCommand_GivesTheDeployableFolderInfraRuns()
    {
        // The README's command, with the output folder moved to a temporary one.
        var readme = File.ReadAllText(RepoPaths.InRepo("README.md"));
        var command = ReadmePublish().Match(readme);
        Assert.True(command.Success, "README.md's deploy section has no 'dotnet publish src/Alignment.Functions -c Release -o <folder>' line.");
        Assert.Contains("cd " + command.Groups["folder"].Value + " && zip -r", readme, StringComparison.Ordinal);
        Assert.Matches(@"az functionapp deployment source config-zip -g \S+ -n <functionAppName> --src", readme);

        var (exitCode, log) = await RunAsync("dotnet", ["publish", RepoPaths.InRepo("src", "Alignment.Functions"), "-c", "Release", "-o", _output, "--nologo"]);

        Assert.True(exitCode == 0, "dotnet publish failed:" + Environment.NewLine + log);
        foreach (var file in new[] { "Alignment.Functions.dll", "functions.metadata", "worker.config.json", "host.json", "extensions.json", Path.Combine("config", "scoring.json") })
        {
            Assert.True(File.Exists(Path.Combine(_output, file)), file + " is missing from the published folder.");
        }

        Assert.False(File.Exists(Path.Combine(_output, "local.settings.json")), "local.settings.json must never be published.");
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "worker.config.json")))!["description"]!;
        Assert.Equal("Alignment.Functions.dll", (string?)worker["defaultWorkerPath"]);
        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        var published = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "functions.metadata")))!.AsArray().Select(f => (string)f!["name"]!);
        Assert.Equal(DeclaredFunctions.All.Select(f => f.Name).Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));

        // The runtime infra/ declares for the Flex Consumption app is the one the worker targets.
        var framework = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "Alignment.Functions.runtimeconfig.json")))!["runtimeOptions"]!["tfm"];
        var bicep = File.ReadAllText(RepoPaths.InRepo("infra", "modules", "functionapp.bicep"));
        var runtime = BicepRuntime().Match(bicep);
        Assert.True(runtime.Success, "infra/modules/functionapp.bicep declares no functionAppConfig.runtime.");
        Assert.Equal("dotnet-isolated", runtime.Groups["name"].Value);
        Assert.Equal("net" + runtime.Groups["version"].Value, framework);
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(9));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"dotnet publish src/Alignment\.Functions -c Release -o (?<folder>\S+)")]
    private static partial Regex ReadmePublish();

    [GeneratedRegex(@"runtime:\s*\{\s*name:\s*'(?<name>[^']+)'\s*version:\s*'(?<version>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BicepRuntime();
}
