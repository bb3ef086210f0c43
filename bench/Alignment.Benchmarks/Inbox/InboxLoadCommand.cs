using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.EndToEnd.Tests.Support;
using Alignment.Hosting;
using Alignment.Sandbox.Azurite;
using Alignment.Sandbox.HubSpot;
using Alignment.Sandbox.Salesforce;
using Alignment.Sandbox.Slack;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alignment.Benchmarks.Inbox;

/// <summary>
/// The webhook inbox under a burst, on loopback, for HubSpot and Salesforce: a connector composed by
/// <c>AddAlignment</c> over Azurite and the CRM's emulator (default rate limits) receives signed deliveries (default
/// 2,000 for 100 distinct accounts, 10 % redeliveries) through the real webhook endpoint from a bounded concurrent load
/// loop, while its drain runs (re-invoked 100 ms after it returns, as a frequent timer would). Prints intake/s, intake
/// latency p50/p99, drain events/s, CRM calls per 100 events and delivery-to-field-written p50/p99, against the targets
/// of issue 13. Exit code 1 if an event was lost or not done, 2 if Azurite is not installed, 3 if a target is missed.
/// Options: <c>--crm hubspot|salesforce|both --deliveries N --accounts N --duplicates-percent N --concurrency N
/// --backlog</c> (post everything first, then drain) <c>--verbose</c> (the drain's per-pass log lines).
/// </summary>
public sealed class InboxLoadCommand : IBenchCommand
{
    private const string FlowSecret = "bench-flow-secret";
    private const string HubSpotToken = "pat-bench-0000";
    private const string HubSpotSecret = "bench-hubspot-client-secret";

    private static bool Verbose;

    public string Name => "inbox-load";

    public string Description => "Webhook burst: 2,000 signed deliveries for 100 accounts through the endpoint while draining; intake/s, events/s, calls per 100 events, p99";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var total = Arg(args, "--deliveries", 2000);
        var accounts = Math.Max(1, Arg(args, "--accounts", 100));
        var duplicates = total * Arg(args, "--duplicates-percent", 10) / 100;
        var concurrency = Math.Max(1, Arg(args, "--concurrency", 16));
        var crm = ArgText(args, "--crm", "both").ToUpperInvariant();
        var backlog = args.Contains("--backlog");
        Verbose = args.Contains("--verbose");

        var root = BenchPaths.FindRepoRoot();
        if (root is null || AzuriteProcess.FindScript(root) is null)
        {
            await Console.Error.WriteLineAsync("inbox-load needs Azurite in tools/azurite: " + AzuriteProcess.InstallHint + " (from the repository root).");
            return 2;
        }

        await using var azurite = await AzuriteProcess.StartAsync(root, 0, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"inbox-load: {total} deliveries, {accounts} accounts, {duplicates} redeliveries, {concurrency} concurrent posts, loopback, Azurite tables; drain re-invoked 100 ms after it returns"));
        var figures = new List<InboxLoadFigures>();
        if (crm is "BOTH" or "HUBSPOT")
        {
            figures.Add(await RunHubSpotAsync(azurite, root, total, accounts, duplicates, concurrency, backlog, cancellationToken));
        }

        if (crm is "BOTH" or "SALESFORCE")
        {
            figures.Add(await RunSalesforceAsync(azurite, root, total, accounts, duplicates, concurrency, backlog, cancellationToken));
        }

        foreach (var f in figures)
        {
            f.Print(Console.Out);
        }

        return figures.All(f => f.Correct) ? figures.All(f => f.MeetsTargets) ? 0 : 3 : 1;
    }

    private static async Task<InboxLoadFigures> RunHubSpotAsync(
        AzuriteProcess azurite, string root, int total, int accountCount, int duplicates, int concurrency, bool backlog, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var accounts = Enumerable.Range(0, accountCount).Select(i => Account(i, now)).ToList();
        await using var hubSpot = await HubSpotEmulator.StartAsync(new HubSpotEmulatorOptions { AccessToken = HubSpotToken }, accounts, cancellationToken);
        await using var slack = await SlackSink.StartAsync(new SlackSinkOptions(), cancellationToken);
        var settings = Settings(azurite, root, slack);
        settings["Alignment:Crm"] = "HubSpot";
        settings["Alignment:HubSpot:BaseUrl"] = hubSpot.BaseAddress.ToString();
        settings["Alignment:HubSpot:AccessToken"] = HubSpotToken;
        settings["Alignment:HubSpot:ClientSecret"] = HubSpotSecret;
        settings["Alignment:HubSpot:DefaultOwnerTimeZone"] = "America/New_York";
        await using var connector = Compose(settings);
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, cancellationToken);
        var companies = accounts.Select(a => hubSpot.CompanyIdOf(a.Id)).ToList();
        var deliveries = HubSpotDelivery.Generate(total, duplicates, companies);
        var url = endpoint.UrlFor("hubspot");
        hubSpot.Counter.Reset();
        var run = await BurstAsync(
            connector, deliveries.Count, concurrency, backlog, i => deliveries[i].ToRequest(url, HubSpotSecret, TimeProvider.System.GetUtcNow()), () => hubSpot.Counter.Reset(), cancellationToken);
        var calls = hubSpot.Counter.Total;
        return await FiguresAsync("hubspot", connector, run, [.. deliveries.Select(d => d.InboxEventId).Distinct(StringComparer.Ordinal)],
            total, accountCount, calls, minEventsPerSecond: 50, maxCallsPer100: 10, cancellationToken);
    }

    private static async Task<InboxLoadFigures> RunSalesforceAsync(
        AzuriteProcess azurite, string root, int total, int accountCount, int duplicates, int concurrency, bool backlog, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var accounts = Enumerable.Range(0, accountCount).Select(i => Account(i, now)).ToList();
        using var rsa = RSA.Create(2048);
        await using var salesforce = await SalesforceEmulator.StartAsync(
            new SalesforceEmulatorOptions { PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem() }, accounts, cancellationToken);
        await using var slack = await SlackSink.StartAsync(new SlackSinkOptions(), cancellationToken);
        var settings = Settings(azurite, root, slack);
        settings["Alignment:Crm"] = "Salesforce";
        settings["Alignment:Salesforce:LoginUrl"] = salesforce.BaseAddress.ToString();
        settings["Alignment:Salesforce:ClientId"] = salesforce.Options.ClientId;
        settings["Alignment:Salesforce:Username"] = salesforce.Options.Username;
        settings["Alignment:Salesforce:PrivateKeyPem"] = rsa.ExportPkcs8PrivateKeyPem();
        settings["Alignment:Salesforce:OrganizationId"] = salesforce.Options.OrganizationId;
        settings["Alignment:Salesforce:FlowSecret"] = FlowSecret;
        await using var connector = Compose(settings);
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, cancellationToken);
        var deliveries = FlowDelivery.Generate(total, duplicates, [.. accounts.Select(a => a.Id)]);
        var url = endpoint.UrlFor("salesforce");
        salesforce.ResetRequestCounts();
        var run = await BurstAsync(
            connector, deliveries.Count, concurrency, backlog, i => deliveries[i].ToRequest(url, FlowSecret, TimeProvider.System.GetUtcNow()), salesforce.ResetRequestCounts, cancellationToken);
        var calls = salesforce.Requests.Total;
        return await FiguresAsync("salesforce", connector, run, [.. deliveries.Select(d => "salesforce:flow:" + d.EventId).Distinct(StringComparer.Ordinal)],
            total, accountCount, calls, minEventsPerSecond: 200, maxCallsPer100: 5, cancellationToken);
    }

    /// <summary>
    /// Posts every delivery (at most <paramref name="concurrency"/> in flight) while the drain runs, or with
    /// <paramref name="backlog"/> first posts them all and then drains the backlog; returns when everything is drained.
    /// </summary>
    private static async Task<BurstRun> BurstAsync(
        ServiceProvider connector, int count, int concurrency, bool backlog, Func<int, HttpRequestMessage> request, Action resetCalls, CancellationToken cancellationToken)
    {
        var drainMayStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!backlog)
        {
            drainMayStart.SetResult();
        }

        var latencies = new double[count];
        int acknowledged = 0, refused = 0;
        var posting = true;
        var drainRuns = 0;
        var passes = 0;
        var busy = TimeSpan.Zero;
        var drainStartedAt = DateTimeOffset.MinValue;
        var drain = Task.Run(
            async () =>
            {
                await drainMayStart.Task.WaitAsync(cancellationToken);
                drainStartedAt = TimeProvider.System.GetUtcNow();
                while (true)
                {
                    var stillPosting = Volatile.Read(ref posting);
                    var started = Stopwatch.GetTimestamp();
                    var result = await connector.GetRequiredService<InboxDrainJob>().RunAsync(cancellationToken);
                    drainRuns++;
                    passes += result.Passes;
                    if (result.Passes > 0)
                    {
                        busy += Stopwatch.GetElapsedTime(started);
                    }
                    else if (!stillPosting)
                    {
                        return;
                    }
                    else
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
                    }
                }
            },
            cancellationToken);

        var clock = Stopwatch.StartNew();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    var sent = Stopwatch.GetTimestamp();
                    using var message = request(i);
                    using var response = await http.SendAsync(message, token);
                    latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref acknowledged);
                        return;
                    }

                    if (attempt >= 3)
                    {
                        Interlocked.Increment(ref refused);
                        return;
                    }
                }
            });
        var intake = clock.Elapsed;
        Volatile.Write(ref posting, false);
        if (backlog)
        {
            resetCalls(); // the backlog's drain alone
            drainMayStart.SetResult();
        }

        await drain;
        Array.Sort(latencies);
        return new BurstRun(acknowledged, refused, intake, Percentile(latencies, 0.50), Percentile(latencies, 0.99), drainRuns, passes, busy, backlog, drainStartedAt);
    }

    private static async Task<InboxLoadFigures> FiguresAsync(
        string crm, ServiceProvider connector, BurstRun run, IReadOnlyList<string> eventIds, int total, int accounts, int calls,
        double minEventsPerSecond, double maxCallsPer100, CancellationToken cancellationToken)
    {
        var inbox = connector.GetRequiredService<IWebhookInbox>();
        var items = new ConcurrentBag<InboxItem>();
        var missing = 0;
        await Parallel.ForEachAsync(eventIds, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, token) =>
        {
            if (await inbox.GetAsync(id, token) is { } item)
            {
                items.Add(item.Value);
            }
            else
            {
                Interlocked.Increment(ref missing);
            }
        });
        var done = items.Where(i => i is { State: InboxState.Done, Attempts: 1, ProcessedAt: not null }).ToList();
        var endToEnd = done.Select(i => (i.ProcessedAt!.Value - i.ReceivedAt).TotalMilliseconds).Order().ToArray();
        var from = done.Count == 0 ? run.DrainStartedAt : new[] { done.Min(i => i.ReceivedAt), run.DrainStartedAt }.Max();
        var span = done.Count == 0 ? TimeSpan.FromTicks(1) : done.Max(i => i.ProcessedAt!.Value) - from;
        return new InboxLoadFigures(crm, run.Backlog, total, eventIds.Count, accounts, run.Acknowledged, run.Refused, run.Intake, run.IntakeP50Ms, run.IntakeP99Ms,
            done.Count, items.Count - done.Count + missing, span, run.Busy, run.DrainRuns, run.Passes, calls,
            Percentile(endToEnd, 0.50), Percentile(endToEnd, 0.99), minEventsPerSecond, maxCallsPer100);
    }

    private static Dictionary<string, string?> Settings(AzuriteProcess azurite, string root, SlackSink slack) => new()
    {
        ["Alignment:State:ConnectionString"] = azurite.ConnectionString,
        ["Alignment:State:TablePrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8],
        ["Alignment:Slack:Mode"] = "Bot",
        ["Alignment:Slack:BotToken"] = slack.BotToken,
        ["Alignment:Slack:ApiBaseUrl"] = slack.ApiBaseAddress.ToString(),
        ["Alignment:Slack:Channel"] = "C0BENCH001",
        ["Alignment:Sync:ModelPath"] = Path.Combine(root, "config", "scoring.json"),
    };

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (Verbose)
            {
                logging.AddSimpleConsole(console => console.SingleLine = true).AddFilter("Alignment.Sync.Inbox", LogLevel.Information).SetMinimumLevel(LogLevel.Warning);
            }
        });
        services.AddAlignment(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Account Account(int i, DateTimeOffset now) => new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"001BENCH{i:D7}"),
        Name = string.Create(CultureInfo.InvariantCulture, $"Bench {i}"),
        Employees = 450,
        Industry = "Software",
        Country = "US",
        Technologies = ["Salesforce"],
        Owner = new Owner("005BENCH0000001", "owner@example.com", "America/New_York"),
        Signals =
        [
            new Signal(SignalKind.PricingPageView, now.AddDays(-1), "003BENCH0000001"),
            new Signal(SignalKind.EmailReply, now.AddDays(-2), "003BENCH0000001"),
            new Signal(SignalKind.MeetingBooked, now.AddDays(-3), "003BENCH0000002"),
        ],
    };

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string ArgText(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private sealed record BurstRun(
        int Acknowledged, int Refused, TimeSpan Intake, double IntakeP50Ms, double IntakeP99Ms, int DrainRuns, int Passes, TimeSpan Busy, bool Backlog, DateTimeOffset DrainStartedAt);
}
