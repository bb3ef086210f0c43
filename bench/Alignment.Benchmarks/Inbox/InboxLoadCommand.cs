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
using Alignment.Sandbox.Salesforce;
using Alignment.Sandbox.Slack;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Benchmarks.Inbox;

/// <summary>
/// The webhook inbox under load, on loopback: a connector composed by <c>AddAlignment</c> over Azurite and the
/// Salesforce emulator receives signed Flow callouts (default 2,000, 10 % of them redeliveries of an earlier event)
/// from a bounded concurrent load loop, then drains its inbox. Checks that every delivery was acknowledged, every
/// distinct event processed exactly once (one attempt, Done, its account fetched once) and no redelivery reprocessed;
/// prints deliveries/s for intake and for processing. Exit code 1 if a check fails, 2 if Azurite is not installed.
/// Options: <c>--deliveries N --duplicates-percent N --concurrency N</c>.
/// </summary>
public sealed class InboxLoadCommand : IBenchCommand
{
    private const string FlowSecret = "bench-flow-secret";

    public string Name => "inbox-load";

    public string Description => "Webhook inbox: 2,000 signed deliveries (10 % duplicates) on loopback, drained; exactly-once check, deliveries/s";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var total = Arg(args, "--deliveries", 2000);
        var duplicates = total * Arg(args, "--duplicates-percent", 10) / 100;
        var concurrency = Math.Max(1, Arg(args, "--concurrency", 16));
        var distinct = total - duplicates;

        var root = FindRepoRoot();
        if (root is null || AzuriteProcess.FindScript(root) is null)
        {
            await Console.Error.WriteLineAsync("inbox-load needs Azurite in tools/azurite: " + AzuriteProcess.InstallHint + " (from the repository root).");
            return 2;
        }

        await using var azurite = await AzuriteProcess.StartAsync(root, 0, cancellationToken);
        var now = TimeProvider.System.GetUtcNow();
        var accounts = Enumerable.Range(0, distinct).Select(i => Account(i, now)).ToList();
        using var rsa = RSA.Create(2048);
        await using var salesforce = await SalesforceEmulator.StartAsync(
            new SalesforceEmulatorOptions { PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem() }, accounts, cancellationToken);
        await using var slack = await SlackSink.StartAsync(new SlackSinkOptions(), cancellationToken);
        var fetches = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var connector = Compose(azurite, salesforce, slack, rsa.ExportPkcs8PrivateKeyPem(), fetches);
        await using var endpoint = await WebhookEndpoint.StartAsync(connector, cancellationToken);

        var deliveries = FlowDelivery.Generate(total, duplicates, [.. accounts.Select(a => a.Id)]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"inbox-load: {total} signed Flow deliveries ({duplicates} redeliveries of {distinct} events), {concurrency} concurrent posts, loopback, Azurite tables"));

        var clock = Stopwatch.StartNew();
        var (acknowledged, refused) = await PostAllAsync(endpoint.UrlFor("salesforce"), deliveries, concurrency, cancellationToken);
        var intake = clock.Elapsed;

        clock.Restart();
        var drain = connector.GetRequiredService<InboxDrainJob>();
        int done = 0, retrying = 0, parked = 0, runs = 0;
        for (var maxRuns = distinct + 100; runs < maxRuns; runs++)
        {
            var result = await drain.RunAsync(cancellationToken);
            done += result.Done;
            retrying += result.Retrying;
            parked += result.Parked;
            if (result.Done + result.Retrying + result.Parked + result.Skipped == 0)
            {
                break;
            }
        }

        var processing = clock.Elapsed;
        var inbox = connector.GetRequiredService<IWebhookInbox>();
        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            deliveries.Select(d => d.EventId).Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (eventId, token) =>
            {
                var item = await inbox.GetAsync("salesforce:flow:" + eventId, token);
                if (item is not { Value: { State: InboxState.Done, Attempts: 1 } })
                {
                    wrong.Add(eventId);
                }
            });
        var fetchedOnce = accounts.Count(a => fetches.GetValueOrDefault(a.Id) == 1);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intake:     {acknowledged} acknowledged, {refused} refused in {intake.TotalSeconds:F2} s = {total / intake.TotalSeconds:F0} deliveries/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"processing: {done} done, {retrying} retried, {parked} parked in {runs} drain runs, {processing.TotalSeconds:F2} s = {done / processing.TotalSeconds:F0} deliveries/s"));
        var ok = acknowledged == total && refused == 0 && done == distinct && retrying == 0 && parked == 0 && wrong.IsEmpty && fetchedOnce == distinct
            && fetches.Values.Sum() == distinct;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exactly once: {distinct - wrong.Count}/{distinct} events Done after one attempt, {fetchedOnce}/{distinct} accounts fetched once, {fetches.Values.Sum()} fetches in all: {(ok ? "OK" : "FAILED")}"));
        return ok ? 0 : 1;
    }

    private static ServiceProvider Compose(AzuriteProcess azurite, SalesforceEmulator salesforce, SlackSink slack, string privateKeyPem, ConcurrentDictionary<string, int> fetches)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alignment:Crm"] = "Salesforce",
            ["Alignment:State:ConnectionString"] = azurite.ConnectionString,
            ["Alignment:State:TablePrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8],
            ["Alignment:Slack:Mode"] = "Bot",
            ["Alignment:Slack:BotToken"] = slack.BotToken,
            ["Alignment:Slack:ApiBaseUrl"] = slack.ApiBaseAddress.ToString(),
            ["Alignment:Slack:Channel"] = "C0BENCH001",
            ["Alignment:Salesforce:LoginUrl"] = salesforce.BaseAddress.ToString(),
            ["Alignment:Salesforce:ClientId"] = salesforce.Options.ClientId,
            ["Alignment:Salesforce:Username"] = salesforce.Options.Username,
            ["Alignment:Salesforce:PrivateKeyPem"] = privateKeyPem,
            ["Alignment:Salesforce:OrganizationId"] = salesforce.Options.OrganizationId,
            ["Alignment:Salesforce:FlowSecret"] = FlowSecret,
            ["Alignment:Sync:ModelPath"] = Path.Combine(FindRepoRoot() ?? ".", "config", "scoring.json"),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAlignment(configuration);
        var crm = services.Last(d => d.ServiceType == typeof(ICrm));
        services.Remove(crm);
        services.AddTransient<ICrm>(sp => new CountingCrm((ICrm)crm.ImplementationFactory!(sp), fetches));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Posts every delivery with at most <paramref name="concurrency"/> in flight; a refused post is sent again (at most 3 times), as senders do.</summary>
    private static async Task<(int Acknowledged, int Refused)> PostAllAsync(Uri url, IReadOnlyList<FlowDelivery> deliveries, int concurrency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        int acknowledged = 0, refused = 0;
        await Parallel.ForEachAsync(
            deliveries,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (delivery, token) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    using var request = delivery.ToRequest(url, FlowSecret, TimeProvider.System.GetUtcNow());
                    using var response = await http.SendAsync(request, token);
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
        return (acknowledged, refused);
    }

    private static Account Account(int i, DateTimeOffset now) => new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"001BENCH{i:D7}"),
        Name = string.Create(CultureInfo.InvariantCulture, $"Bench {i}"),
        Employees = 450,
        Industry = "Software",
        Country = "US",
        Technologies = ["Salesforce"],
        Owner = new Owner("005BENCH0000001", "owner@example.com", "America/New_York"),
        Signals = [new Signal(SignalKind.PricingPageView, now.AddDays(-1), "003BENCH0000001")],
    };

    private static string? FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Alignment.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
