using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Hosting;
using Alignment.Sandbox.Azurite;
using Alignment.Sandbox.HubSpot;
using Alignment.Sandbox.Salesforce;
using Alignment.Sandbox.Slack;
using Alignment.Storage.Partitions;
using Alignment.Sync.Partitions;
using Alignment.Sync.Scoring;
using Alignment.Sync.State;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alignment.Benchmarks.Scale;

/// <summary>
/// A partitioned full rescore at scale (docs/partitions.md, docs/benchmarks.md): generates the org in the CRM's emulator
/// (this process), plans the run, and lets <c>--partitions P</c> worker processes take the partitions from the Storage
/// Queue in Azurite, each scoring and writing its ranges exactly as the <c>ScorePartition</c> function does. Ends with
/// one line: <c>scale crm=… accounts=N partitions=P api_calls=… bulk_jobs=… written=… wall_s=… peak_mb=…</c>, where
/// <c>peak_mb</c> is the largest peak working set of a worker (the emulator, which holds the whole org, is reported
/// apart as <c>emulator_mb</c>). Options: <c>--crm salesforce|hubspot --accounts N --partitions P --activities A
/// --partition-size S --azurite-heap-mb M</c>, on HubSpot <c>--page-views on|off</c> (the events API; on, as the connector's
/// default); <c>--seed-only</c> stops after seeding (the emulator's footprint).
/// </summary>
public sealed class ScaleCommand : IBenchCommand
{
    private const string WorkerPrefix = "worker ";
    private static readonly DateTimeOffset AsOf = TimeProvider.System.GetUtcNow().AddHours(-1);

    public string Name => "scale";

    public string Description => "Partitioned full rescore through the queue with P worker processes (Bulk API 2.0 on Salesforce)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (Arg(args, "--worker") is { } workerSettings)
        {
            return await WorkAsync(workerSettings, cancellationToken);
        }

        var crm = Arg(args, "--crm") ?? "salesforce";
        var accounts = Arg(args, "--accounts", 100_000);
        var workers = Arg(args, "--partitions", 2);
        var activities = Arg(args, "--activities", 10);
        var partitionSize = Arg(args, "--partition-size", Math.Clamp((accounts + (2 * workers) - 1) / (2 * workers), 2_500, 50_000));
        var root = BenchPaths.FindRepoRoot();
        if (root is null || AzuriteProcess.FindScript(root) is null)
        {
            await Console.Error.WriteLineAsync("scale needs Azurite in tools/azurite: " + AzuriteProcess.InstallHint + " (from the repository root).");
            return 2;
        }

        // Azurite holds every state row in Node's heap (≈ 3.4 KB each, three rows an account on a first run): above Node's
        // default limit (≈ 4 GB) the heap must be raised or Azurite dies mid-run.
        var azuriteHeapMb = Arg(args, "--azurite-heap-mb", accounts > 300_000 ? (int)Math.Min(int.MaxValue, accounts * 12L / 1024) : 0);
        await using var azurite = await AzuriteProcess.StartAsync(root, 0, azuriteHeapMb, cancellationToken);
        await using var slack = await SlackSink.StartAsync(new SlackSinkOptions(), cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["Alignment:State:ConnectionString"] = azurite.ConnectionString,
            ["Alignment:State:TablePrefix"] = "scale" + Guid.NewGuid().ToString("N")[..8],
            ["Alignment:Slack:Mode"] = "Bot",
            ["Alignment:Slack:BotToken"] = slack.BotToken,
            ["Alignment:Slack:ApiBaseUrl"] = slack.ApiBaseAddress.ToString(),
            ["Alignment:Slack:Channel"] = "C0BENCH001",
            ["Alignment:Sync:ModelPath"] = Path.Combine(root, "config", "scoring.json"),
            ["Alignment:Sync:PartitionedFullRescore"] = "true",
            ["Alignment:Sync:PartitionSize"] = partitionSize.ToString(CultureInfo.InvariantCulture),
            ["Alignment:Sync:MaxTierCrossingsListed"] = "20",
        };

        var seeding = Stopwatch.StartNew();
        var org = Org(accounts, activities); // streamed into the emulator, never listed
        using var rsa = RSA.Create(2048);
        await using var salesforce = crm == "salesforce"
            ? await SalesforceEmulator.StartAsync(new SalesforceEmulatorOptions { PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem(), DailyApiLimit = 1_000_000 }, org, cancellationToken)
            : null;
        await using var hubSpot = crm == "hubspot"
            ? await HubSpotEmulator.StartAsync(new HubSpotEmulatorOptions { AccessToken = "pat-scale" }, org, cancellationToken)
            : null;
        var seeded = seeding.Elapsed;
        var heapAfterSeeding = GC.GetTotalMemory(forceFullCollection: true);
        settings["Alignment:Crm"] = crm == "salesforce" ? "Salesforce" : "HubSpot";
        if (salesforce is not null)
        {
            settings["Alignment:Salesforce:LoginUrl"] = salesforce.BaseAddress.ToString();
            settings["Alignment:Salesforce:ClientId"] = salesforce.Options.ClientId;
            settings["Alignment:Salesforce:Username"] = salesforce.Options.Username;
            settings["Alignment:Salesforce:PrivateKeyPem"] = rsa.ExportPkcs8PrivateKeyPem();
            settings["Alignment:Salesforce:OrganizationId"] = salesforce.Options.OrganizationId;
            settings["Alignment:Salesforce:BulkPollInterval"] = "00:00:00.200";
            settings["Alignment:Salesforce:BulkPollMaxInterval"] = "00:00:02";
        }
        else
        {
            settings["Alignment:HubSpot:BaseUrl"] = hubSpot!.BaseAddress.ToString();
            settings["Alignment:HubSpot:AccessToken"] = "pat-scale";
            settings["Alignment:HubSpot:ClientSecret"] = "scale-secret";
            settings["Alignment:HubSpot:Mapping:PageViews"] = Arg(args, "--page-views") is "off" ? "false" : "true";
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale: {accounts} {crm} accounts with {activities} activities each seeded in {seeded.TotalSeconds:F0} s, the emulator's managed heap {heapAfterSeeding / (1024.0 * 1024):F0} MB ({heapAfterSeeding / 1024.0 / accounts:F1} KB an account); partitions of {partitionSize}, {workers} worker processes"));
        if (args.Contains("--seed-only", StringComparer.Ordinal))
        {
            return 0;
        }

        var settingsFile = Path.Combine(Path.GetTempPath(), "alignment-scale-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(settings), cancellationToken);
        try
        {
            await using var connector = Compose(settings);
            salesforce?.ResetRequestCounts();
            hubSpot?.Counter.Reset();
            var wall = Stopwatch.StartNew();
            var plan = await connector.GetRequiredService<PartitionPlanJob>().RunAsync(cancellationToken);
            var children = Enumerable.Range(1, workers).Select(_ => RunWorkerAsync(settingsFile, cancellationToken)).ToList();
            var runs = connector.GetRequiredService<IRunLedger>();
            RunRecord? run = null;
            while (run is null && children.Any(c => !c.IsCompleted))
            {
                await Task.Delay(500, cancellationToken);
                run = (await runs.ListRecentAsync(5, cancellationToken)).FirstOrDefault(r => r.RunId == plan.RunId);
            }

            run ??= (await runs.ListRecentAsync(5, cancellationToken)).FirstOrDefault(r => r.RunId == plan.RunId);
            var wallSeconds = wall.Elapsed.TotalSeconds;
            var results = await Task.WhenAll(children);
            var peaks = results.Select(r => r.PeakMb).ToList();
            var apiCalls = salesforce is not null ? salesforce.Requests.Reads + salesforce.Requests.Writes : hubSpot!.Counter.Total;
            var bulkJobs = salesforce is null ? 0 : salesforce.Requests.BulkQueryJobs + salesforce.Requests.BulkIngestJobs;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            if (run is null)
            {
                Console.WriteLine("scale: the run did not complete; worker output:");
                results.SelectMany(r => r.Output).ToList().ForEach(Console.WriteLine);
                return 1;
            }

            if (hubSpot is not null)
            {
                // The calls by endpoint (docs/benchmarks.md breaks the per-company figure down with these).
                Console.WriteLine("calls by kind: " + string.Join(", ", hubSpot.Counter.Snapshot().OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value.ToString(CultureInfo.InvariantCulture))));
            }

            results.SelectMany(r => r.Output).Where(l => l.StartsWith("worker: ", StringComparison.Ordinal)).ToList().ForEach(Console.WriteLine);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plan: {plan.Partitions} partitions; workers' peaks (MB): {string.Join(", ", peaks.Select(p => p.ToString("F0", CultureInfo.InvariantCulture)))}; read {run.Read}, failed {run.Failed}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale crm={crm} accounts={accounts} partitions={workers} api_calls={apiCalls} bulk_jobs={bulkJobs} written={run.Written} wall_s={wallSeconds:F1} peak_mb={peaks.Max():F0} emulator_mb={self.PeakWorkingSet64 / (1024.0 * 1024):F0}"));
            return run.Read == accounts && run.Failed == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(settingsFile);
        }
    }

    /// <summary>A worker process: takes partitions from the queue until the run is closed and the queue stays empty.</summary>
    private static async Task<int> WorkAsync(string settingsFile, CancellationToken cancellationToken)
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, string?>>(await File.ReadAllTextAsync(settingsFile, cancellationToken))!;
        await using var connector = Compose(settings);
        var queue = await connector.GetRequiredService<PartitionQueues>().GetAsync(IPartitionQueue.QueueName, cancellationToken);
        var ledger = connector.GetRequiredService<IPartitionLedger>();
        var crm = settings["Alignment:Crm"]!.ToLowerInvariant();
        var done = 0;
        long heapPeak = 0, committedPeak = 0, filesPeak = 0;
        using var heapSampler = new Timer(_ =>
        {
            InterlockedMax(ref heapPeak, GC.GetTotalMemory(false));
            InterlockedMax(ref committedPeak, GC.GetGCMemoryInfo().TotalCommittedBytes);
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        // The worker's own temporary folder (TMPDIR, set apart for it): the partition's spilled rows and staged plans.
        using var filesSampler = new Timer(_ => InterlockedMax(ref filesPeak, LocalFilesBytes()), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var idle = Stopwatch.StartNew();
        while (idle.Elapsed < TimeSpan.FromSeconds(3) || await ledger.GetOpenRunAsync(crm, cancellationToken) is not null)
        {
            var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(10), cancellationToken)).Value;
            if (received is not [var message, ..])
            {
                await Task.Delay(200, cancellationToken);
                if (idle.Elapsed > TimeSpan.FromMinutes(30))
                {
                    break;
                }

                continue;
            }

            await using (var scope = connector.CreateAsyncScope())
            {
                var partition = PartitionQueues.Deserialize(message.Body.ToString());
                var lease = new QueueMessageLease(queue, message, TimeSpan.FromMinutes(10), TimeProvider.System); // as the host renews it
                ScoringRunResult result;
                try
                {
                    result = await scope.ServiceProvider.GetRequiredService<PartitionRunJob>().RunAsync(partition, cancellationToken);
                }
                finally
                {
                    await lease.DisposeAsync();
                }

                await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, cancellationToken);
                done++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"partition {partition.Index + 1}/{partition.Total}: {result.Read} read, {result.Written} written, {result.ApiCalls} calls"));
            }

            idle.Restart();
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker: managed heap peak {Interlocked.Read(ref heapPeak) / (1024.0 * 1024):F0} MB, GC committed peak {Interlocked.Read(ref committedPeak) / (1024.0 * 1024):F0} MB (sampled every 100 ms), {GC.GetTotalAllocatedBytes() / (1024.0 * 1024):F0} MB allocated, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, local files peak {Interlocked.Read(ref filesPeak) / (1024.0 * 1024):F0} MB (sampled every s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{WorkerPrefix}partitions={done} peak_bytes={self.PeakWorkingSet64}"));
        return 0;
    }

    private static long LocalFilesBytes()
    {
        try
        {
            return new DirectoryInfo(Path.GetTempPath()).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Exists ? f.Length : 0);
        }
        catch (IOException)
        {
            return 0; // a file deleted while listed: the next sample counts again
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Interlocked.Read(ref target);
        }
    }

    private static async Task<(double PeakMb, List<string> Output)> RunWorkerAsync(string settingsFile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ScaleCommand).Assembly.Location);
        }

        foreach (var arg in new[] { "scale", "--worker", settingsFile })
        {
            start.ArgumentList.Add(arg);
        }

        // A temporary folder of its own, so that the worker's local files can be measured apart from the others'.
        var temp = Directory.CreateTempSubdirectory("alignment-scale-worker-").FullName;
        start.Environment["TMPDIR"] = temp;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start a worker process.");
        var stdout = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var lines = ((await stdout) + (await stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var result = lines.LastOrDefault(l => l.StartsWith(WorkerPrefix, StringComparison.Ordinal));
        var peak = result is null ? 0 : long.Parse(result.Split("peak_bytes=")[1], CultureInfo.InvariantCulture) / (1024.0 * 1024);
        Directory.Delete(temp, recursive: true);
        return (peak, lines);
    }

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddAlignment(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Accounts with <paramref name="activities"/> signals each (mostly email and web, some meetings), varied fit.</summary>
    private static IEnumerable<Account> Org(int count, int activities)
    {
        string[] industries = ["Software", "Fintech", "Retail", "Information Technology", "Manufacturing"];
        SignalKind[] kinds = [SignalKind.EmailOpen, SignalKind.WebVisit, SignalKind.EmailClick, SignalKind.PricingPageView, SignalKind.EmailReply, SignalKind.CallConnected, SignalKind.FormSubmit, SignalKind.MeetingBooked, SignalKind.SalesTouch, SignalKind.ContentDownload];
        for (var i = 1; i <= count; i++)
        {
            var contact = "003" + i.ToString("D12", CultureInfo.InvariantCulture) + "AAA";
            var signals = new Signal[activities];
            for (var a = 0; a < activities; a++)
            {
                signals[a] = new Signal(kinds[(i + a) % kinds.Length], AsOf.AddHours(-(a * 37 % 2000) - (i % 24)), contact, "Activity " + a.ToString(CultureInfo.InvariantCulture));
            }

            yield return new Account
            {
                Id = "001" + i.ToString("D12", CultureInfo.InvariantCulture) + "AAA",
                Name = "Account " + i.ToString(CultureInfo.InvariantCulture),
                Employees = 20 + (i % 6000),
                Industry = industries[i % industries.Length],
                AnnualRevenue = 1_000_000m * (i % 400),
                Country = i % 3 == 0 ? "DE" : "US",
                Technologies = i % 2 == 0 ? ["Salesforce"] : [],
                Owner = new Owner("005" + (i % 25).ToString("D12", CultureInfo.InvariantCulture) + "AAA", "owner@example.com", "America/New_York"),
                Signals = [.. signals],
            };
        }
    }

    private static int Arg(string[] args, string name, int fallback) => Salesforce.SalesforceBenchOrg.Arg(args, name, fallback);

    private static string? Arg(string[] args, string name) => Salesforce.SalesforceBenchOrg.Arg(args, name);
}
