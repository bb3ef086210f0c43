using System.CommandLine;
using System.Diagnostics;
using Alignment.Cli.Commands;
using Alignment.Hosting.Configuration;

namespace Alignment.Functions.Tests.Composition;

/// <summary>
/// A bad setting stops the worker before the host starts, with the message <c>alignment serve</c> prints for the same
/// settings (every problem at once, each with its app-setting name and an example) and exit code 2.
/// </summary>
public sealed class BadSettingsTests : IDisposable
{
    private static readonly Dictionary<string, string?> Bad = WorkerSettings.Sample(new Dictionary<string, string?>
    {
        ["Alignment:Crm"] = "Dynamics",
        ["Alignment:Schedules:Score"] = "every 15 minutes",
        ["Alignment:Slack:WebhookUrl"] = null,
        ["Alignment:Webhooks:MaxBodyBytes"] = "lots",
    });

    private readonly string _folder = Directory.CreateTempSubdirectory("alignment-worker-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AddAlignmentWorker_BadSettings_ThrowsTheMessageAlignmentServePrints()
    {
        var settingsFile = Path.Combine(_folder, "local.settings.json");
        WorkerSettings.WriteLocalSettings(settingsFile, Bad);
        var builder = WorkerSettings.Builder(Bad);

        var worker = Assert.Throws<AlignmentConfigurationException>(() => builder.AddAlignmentWorker());

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandCatalog.InvokeAsync(
            ["serve", "--settings", settingsFile, "--port", "0"],
            new InvocationConfiguration { Output = output, Error = error },
            TestContext.Current.CancellationToken);
        Assert.Equal(AlignmentWorker.BadConfigurationExitCode, exitCode);
        Assert.Equal(error.ToString().TrimEnd(), worker.Message);
        Assert.Equal(
            ["Alignment:Crm", "Alignment:Schedules:Score", "Alignment:Slack:WebhookUrl", "Alignment:Webhooks:MaxBodyBytes"],
            worker.Problems.Select(p => p.Setting).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WorkerProcess_BadSettings_ExitsWithCode2AndTheMessageBeforeDialingTheHost()
    {
        var expected = Assert.Throws<AlignmentConfigurationException>(() => WorkerSettings.Builder(Bad).AddAlignmentWorker()).Message;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Alignment.Functions.dll"));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Alignment", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        // As the host passes app settings: environment variables with '__'.
        foreach (var (key, value) in Bad.Where(s => s.Value is not null))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
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

        Assert.Equal(AlignmentWorker.BadConfigurationExitCode, process.ExitCode);
        Assert.Equal(expected, (await stderr).TrimEnd());
        Assert.DoesNotContain("Exception", await stdout, StringComparison.Ordinal);
    }
}
