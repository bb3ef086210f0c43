using System.CommandLine;
using Alignment.Cli.Commands;

namespace Alignment.Cli.Tests.Calibrate;

/// <summary>Runs <c>alignment calibrate</c> in-process with captured standard output and error.</summary>
internal sealed record CalibrateRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CalibrateRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        var exitCode = await CommandCatalog.InvokeAsync(["calibrate", .. args], configuration, TestContext.Current.CancellationToken);
        return new CalibrateRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
