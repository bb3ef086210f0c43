using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Alignment.Sandbox.Salesforce;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Benchmarks.Salesforce;

/// <summary>
/// Peak memory of a full streaming read of 100,000 accounts (with their activities and campaign members) from the
/// emulator. The emulator runs in this process; the read runs in a child process of this bench (<c>--client URL</c>)
/// so that its peak working set and peak managed heap are the adapter's alone. Exit code 1 when either reaches the
/// limit (200 MB) or the read is incomplete. Options: <c>--accounts N --limit-mb N --page-size N</c>.
/// </summary>
public sealed class SalesforceMemoryCommand : IBenchCommand
{
    private const string ResultPrefix = "result ";

    public string Name => "salesforce-memory";

    public string Description => "Salesforce adapter: peak memory of a streaming read of 100,000 accounts (< 200 MB)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var pageSize = SalesforceBenchOrg.Arg(args, "--page-size", 2000);
        if (SalesforceBenchOrg.Arg(args, "--client") is { } url)
        {
            return await ReadAsClientAsync(new Uri(url), pageSize, cancellationToken);
        }

        var count = SalesforceBenchOrg.Arg(args, "--accounts", 100_000);
        var limitMb = SalesforceBenchOrg.Arg(args, "--limit-mb", 200);
        var seedClock = Stopwatch.StartNew();
        var options = new SalesforceEmulatorOptions { PageSize = pageSize };
        await using var emulator = await SalesforceEmulator.StartAsync(options, SalesforceBenchOrg.Accounts(count), cancellationToken);
        Console.WriteLine($"salesforce-memory: {count} accounts seeded in {seedClock.Elapsed.TotalSeconds:F1} s; reading them in a child process, {pageSize} records a page");

        var (exitCode, output) = await RunChildAsync(emulator.BaseAddress, pageSize, cancellationToken);
        var result = output.LastOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (exitCode != 0 || result is null)
        {
            Console.WriteLine($"the reading process failed (exit code {exitCode}):");
            output.ForEach(Console.WriteLine);
            return 1;
        }

        var figures = result[ResultPrefix.Length..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        var read = figures["accounts"];
        var workingSetMb = figures["peak-working-set"] / (1024.0 * 1024);
        var heapMb = figures["peak-managed-heap"] / (1024.0 * 1024);
        var ok = read == count && workingSetMb < limitMb && heapMb < limitMb;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {read} accounts ({figures["signals"]} signals, {figures["calls"]} calls) in {figures["wall-ms"] / 1000.0:F1} s; "
            + $"peak working set {workingSetMb:F1} MB, peak managed heap {heapMb:F1} MB (GC {(figures["server-gc"] == 1 ? "server" : "workstation")})"));
        Console.WriteLine($"bound: both peaks < {limitMb} MB and every account read: {(ok ? "OK" : "FAILED")}");
        return ok ? 0 : 1;
    }

    private static async Task<(int ExitCode, List<string> Output)> RunChildAsync(Uri baseAddress, int pageSize, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SalesforceMemoryCommand).Assembly.Location);
        }

        foreach (var arg in new[] { "salesforce-memory", "--client", baseAddress.ToString(), "--page-size", pageSize.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the reading process.");
        var stdout = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var lines = ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (child.ExitCode, lines);
    }

    /// <summary>The child: a full read with the adapter, discarding each account as the scoring run does after its batch.</summary>
    private static async Task<int> ReadAsClientAsync(Uri baseAddress, int pageSize, CancellationToken cancellationToken)
    {
        await using var provider = SalesforceBenchOrg.Client(baseAddress, new SalesforceEmulatorOptions(), pageSize);
        var crm = provider.GetRequiredService<ICrm>();
        var clock = Stopwatch.StartNew();
        long accounts = 0;
        long signals = 0;
        long peakHeap = 0;
        await foreach (var account in crm.ReadAccountsAsync(new CrmReadRequest(null, SalesforceBenchOrg.AsOf.AddDays(-90)), cancellationToken))
        {
            accounts++;
            signals += account.Account.Signals.Length;
            if (accounts % 250 == 0)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        clock.Stop();
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix}accounts={accounts} signals={signals} calls={crm.GetUsage().Calls} wall-ms={clock.ElapsedMilliseconds} "
            + $"peak-working-set={self.PeakWorkingSet64} peak-managed-heap={peakHeap} server-gc={(GCSettings.IsServerGC ? 1 : 0)}"));
        return 0;
    }
}
