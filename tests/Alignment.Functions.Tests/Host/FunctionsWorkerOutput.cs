using System.Reflection;
using System.Text.Json;
using Alignment.TestKit.Paths;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// The built Functions app as the host finds it: the project's output folder for the configuration and target
/// framework these tests were built with, holding <c>worker.config.json</c> (which names the executable and the worker
/// assembly, as the host reads it) and the SDK-generated <c>functions.metadata</c>.
/// </summary>
internal sealed record FunctionsWorkerOutput(string Directory, string ExecutablePath, string WorkerPath)
{
    private const string ProjectName = "Alignment.Functions";

    /// <summary>Finds the output of <c>src/Alignment.Functions</c>; fails with the build command when it is missing.</summary>
    public static FunctionsWorkerOutput Locate()
    {
        var configuration = typeof(FunctionsWorkerOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? throw new InvalidOperationException("The test assembly has no AssemblyConfiguration attribute; cannot tell which build of the worker to run.");
        var targetFramework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var directory = RepoPaths.InRepo("src", ProjectName, "bin", configuration, targetFramework);
        var config = Path.Combine(directory, "worker.config.json");
        foreach (var required in new[] { config, Path.Combine(directory, "functions.metadata"), Path.Combine(directory, ProjectName + ".dll") })
        {
            if (!File.Exists(required))
            {
                throw new InvalidOperationException(
                    $"The built Functions app is incomplete: {required} is missing. Build it with the same configuration as the tests: "
                    + $"dotnet build src/{ProjectName} -c {configuration}");
            }
        }

        using var document = JsonDocument.Parse(File.ReadAllText(config));
        var description = document.RootElement.GetProperty("description");
        var executable = description.GetProperty("defaultExecutablePath").GetString() ?? "dotnet";
        var worker = description.GetProperty("defaultWorkerPath").GetString()
            ?? throw new InvalidOperationException(config + " names no defaultWorkerPath.");
        return new FunctionsWorkerOutput(directory, ResolveExecutable(executable), Path.Combine(directory, worker));
    }

    // "dotnet" means the muxer running these tests (DOTNET_HOST_PATH, set by dotnet test), else the one on PATH.
    private static string ResolveExecutable(string executable)
    {
        if (!string.Equals(executable, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return executable;
        }

        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
