using System.Diagnostics;
using Alignment.Sandbox.Azurite;

namespace Alignment.Cli.Sandbox;

/// <summary>Installs the pinned Azurite (<c>npm ci --prefix tools/azurite</c>) when it is missing.</summary>
internal static class AzuriteInstaller
{
    public static async Task EnsureInstalledAsync(string repoRoot, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (AzuriteProcess.FindScript(repoRoot) is not null)
        {
            return;
        }

        progress?.Report("Installing Azurite (npm ci --prefix tools/azurite, pinned)...");
        var start = new ProcessStartInfo("npm")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repoRoot,
        };
        foreach (var argument in new[] { "ci", "--prefix", Path.Combine("tools", "azurite"), "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AzuriteNotInstalledException("npm could not be started; install Node.js 20 (npm), then " + AzuriteProcess.InstallHint + ".");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AzuriteNotInstalledException("npm was not found; install Node.js 20 (npm), then " + AzuriteProcess.InstallHint + ".", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await stdout.ConfigureAwait(false);
            var errors = await stderr.ConfigureAwait(false);
            if (process.ExitCode != 0 || AzuriteProcess.FindScript(repoRoot) is null)
            {
                throw new AzuriteNotInstalledException($"npm ci --prefix tools/azurite failed (exit code {process.ExitCode}): {errors.Trim()}");
            }
        }
    }
}
