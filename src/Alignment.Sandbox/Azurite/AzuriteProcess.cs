using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alignment.Sandbox.Azurite;

/// <summary>
/// A local Azurite (<c>tools/azurite</c>, installed with <c>npm ci --prefix tools/azurite</c>) with its Table and Queue
/// services (and Blob, which it always starts) on free loopback ports with in-memory persistence, for the tests,
/// <c>alignment serve</c> and <c>alignment demo</c>. Disposing stops the process tree; nothing is left on disk.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The Azurite development account (public, documented; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known key of the development account (public, documented; not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string InstallHint = "run ./test.sh, which installs it, or npm ci --prefix tools/azurite";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly AzuriteOutput _output;

    private AzuriteProcess(Process process, AzuriteOutput output, (int Table, int Queue, int Blob) ports)
    {
        _process = process;
        _output = output;
        Port = ports.Table;
        QueuePort = ports.Queue;
        BlobPort = ports.Blob;
    }

    /// <summary>The loopback port the Table service listens on.</summary>
    public int Port { get; }

    /// <summary>The loopback port the Queue service listens on.</summary>
    public int QueuePort { get; }

    /// <summary>The loopback port the Blob service listens on.</summary>
    public int BlobPort { get; }

    /// <summary><c>http://127.0.0.1:{port}/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    /// <summary><c>http://127.0.0.1:{queue port}/devstoreaccount1</c>.</summary>
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    /// <summary><c>http://127.0.0.1:{blob port}/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    /// <summary>A connection string for <c>Alignment:State:ConnectionString</c>, <c>TableServiceClient</c> or <c>QueueServiceClient</c>.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>The Azurite Table entry point under <paramref name="repoRoot"/>, or null when Azurite is not installed.</summary>
    public static string? FindScript(string repoRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(repoRoot);
        string[] candidates =
        [
            Path.Combine(repoRoot, "tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js"),
            Path.Combine(repoRoot, "tools", "azurite", "node_modules", ".bin", "azurite"),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Starts Azurite's Table service from <c>tools/azurite</c> under <paramref name="repoRoot"/> on a free loopback port
    /// (or <paramref name="port"/> when not 0) and waits until it accepts connections.
    /// </summary>
    /// <exception cref="AzuriteNotInstalledException">Azurite or Node.js is missing.</exception>
    public static Task<AzuriteProcess> StartAsync(string repoRoot, int port = 0, CancellationToken cancellationToken = default) =>
        StartAsync(repoRoot, port, maxHeapMegabytes: 0, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(string, int, CancellationToken)"/>, with Node.js's heap limit raised to
    /// <paramref name="maxHeapMegabytes"/> (0: Node's default, about a quarter of the machine's memory and at most
    /// 4 GB): Azurite keeps every entity in that heap, ≈ 3.4 KB each, so a run that writes millions of rows needs more
    /// (the scale bench, docs/benchmarks.md).
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(string repoRoot, int port, int maxHeapMegabytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxHeapMegabytes);
        var script = FindScript(repoRoot)
            ?? throw new AzuriteNotInstalledException(
                $"Azurite is not installed (no tools/azurite/node_modules/.bin/azurite under {repoRoot}): {InstallHint}.");

        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var chosen = (Table: port != 0 ? port : FreeLoopbackPort(), Queue: FreeLoopbackPort(), Blob: FreeLoopbackPort());
            var process = Launch(script, chosen, maxHeapMegabytes, out var output);
            try
            {
                await WaitUntilListeningAsync(process, chosen.Table, output, cancellationToken).ConfigureAwait(false);
                return new AzuriteProcess(process, output, chosen);
            }
            catch (AzuriteExitedException) when (attempt < attempts)
            {
                // Most likely another process took the free port first; try another one.
                Stop(process);
            }
            catch
            {
                Stop(process);
                throw;
            }
        }
    }

    /// <summary>The last lines Azurite printed (for diagnostics).</summary>
    public string RecentOutput => _output.Recent();

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // It was killed; not waiting longer.
        }

        _process.Dispose();
    }

    private static Process Launch(string script, (int Table, int Queue, int Blob) ports, int maxHeapMegabytes, out AzuriteOutput output)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (maxHeapMegabytes > 0)
        {
            startInfo.ArgumentList.Add("--max-old-space-size=" + maxHeapMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        startInfo.ArgumentList.Add(script);
        string[] arguments =
        [
            // No telemetry: Azurite would otherwise send it from every developer's machine (and spend a tenth of each request on it).
            "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--disableTelemetry",
            "--tableHost", "127.0.0.1", "--tablePort", ports.Table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports.Queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--blobHost", "127.0.0.1", "--blobPort", ports.Blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var captured = new AzuriteOutput();
        process.OutputDataReceived += (_, e) => captured.Add(e.Data);
        process.ErrorDataReceived += (_, e) => captured.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new AzuriteNotInstalledException("Node.js ('node') was not found on PATH; Azurite needs it. Install Node.js 20+, then " + InstallHint + ".", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = captured;
        return process;
    }

    private static async Task WaitUntilListeningAsync(Process process, int port, AzuriteOutput output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new AzuriteExitedException($"Azurite exited with code {process.ExitCode} before listening on 127.0.0.1:{port}. Output:\n{output.Recent()}");
            }

            using (var client = new TcpClient())
            {
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    attempt.CancelAfter(TimeSpan.FromSeconds(1));
                    await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token).ConfigureAwait(false);
                    if (output.Started)
                    {
                        return;
                    }
                }
                catch (SocketException)
                {
                    // Not listening yet.
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Connect attempt timed out.
                }
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:0} s. Output:\n{output.Recent()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Azurite stopped while starting (e.g. the port was taken).</summary>
    private sealed class AzuriteExitedException(string message) : Exception(message);
}
