using System.Diagnostics;
using System.Reflection;

namespace Alignment.Infra.Tests.Bicep;

/// <summary>Runs the Bicep CLI shipped in the <c>Azure.Bicep.CommandLine.linux-x64</c> NuGet package.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Absolute path of the executable, made executable when the package extraction lost the mode bits.</summary>
    public static string ExecutablePath()
    {
        var root = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPackageRoot")?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException("Assembly metadata BicepPackageRoot is empty: restore tests/Alignment.Infra.Tests first.");
        }

        var path = Path.Combine(root, "tools", OperatingSystem.IsWindows() ? "bicep.exe" : "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is not in its NuGet package folder.", path);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
        }

        return path;
    }

    /// <summary>Runs <c>bicep</c> with the arguments in the repository root and captures both streams.</summary>
    public static async Task<BicepResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExecutablePath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No network: never let the CLI try to reach a module registry or check for updates.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Bicep CLI.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }
}
