using System.CommandLine;
using System.Text.Json;
using Alignment.Cli.Commands;

namespace Alignment.Cli.Tests.Demo;

/// <summary><c>alignment demo --json</c> in-process: exit code 0 and one JSON report on standard output, progress on standard error.</summary>
public sealed class DemoCommandTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CommandCatalog.InvokeAsync(["demo", .. args], new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Demo_JsonSmallOrg_ExitsZeroWithOneConsistentReport()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--accounts", "120", "--seed", "7", "--json");

        Assert.True(exitCode == ExitCodes.Ok, stderr);
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        Assert.Equal(120, root.GetProperty("accounts").GetInt32());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(120, root.GetProperty("tiers").EnumerateObject().Sum(t => t.Value.GetInt32()));
        Assert.Equal(root.GetProperty("scoring").GetProperty("handoffs").GetInt32(), root.GetProperty("handoffs").GetArrayLength());
        Assert.Equal(
            root.GetProperty("handoffs").EnumerateArray().Count(h => h.GetProperty("slaStatus").GetString() == "Breached"),
            root.GetProperty("breaches").GetArrayLength());
        Assert.Contains("Scoring 120 accounts", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--accounts", "0")]
    [InlineData("--accounts", "many")]
    public async Task Demo_BadAccounts_ExitsTwoAndStartsNothing(string option, string value)
    {
        var (exitCode, stdout, stderr) = await RunAsync(option, value);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }
}
