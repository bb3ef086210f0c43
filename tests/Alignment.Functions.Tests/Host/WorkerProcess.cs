using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// The worker started as the host starts it (<c>dotnet Alignment.Functions.dll --functions-uri ...</c> in the app's
/// folder, app settings as environment variables), with its stdout/stderr captured for failure messages. Disposing
/// kills the process tree if it is still running, so no worker outlives a test.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    private WorkerProcess(Process process)
    {
        this._process = process;

        // Should the test run itself be stopped (Ctrl+C, a runner timeout), the worker goes with it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the worker; <paramref name="environment"/> replaces any inherited <c>Alignment__*</c> variables.</summary>
    public static WorkerProcess Start(FunctionsWorkerOutput output, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(output.ExecutablePath)
        {
            WorkingDirectory = output.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(output.WorkerPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("Alignment__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Capture("out", e.Data);
        process.ErrorDataReceived += (_, e) => worker.Capture("err", e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start the worker: {output.ExecutablePath} {output.WorkerPath}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Completes when the process has exited.</summary>
    public Task ExitedAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Waits up to <paramref name="timeout"/>; the exit code, or null while it still runs.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The process state and the last lines it wrote, for failure messages.</summary>
    public string Describe()
    {
        var state = _process.HasExited
            ? string.Create(CultureInfo.InvariantCulture, $"exited with code {_process.ExitCode}")
            : "still running";
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Worker process {_process.Id} {state}; its last stdout/stderr lines:"));
        lock (_gate)
        {
            if (_lines.Count == 0)
            {
                text.Append(" (none)");
            }

            foreach (var line in _lines)
            {
                text.AppendLine().Append("  ").Append(line);
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await WaitForExitAsync(KillWait);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private void Capture(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(stream + "| " + line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
