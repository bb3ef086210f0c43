using System.Diagnostics;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Model;
using Alignment.Core.Signals;
using Alignment.HubSpot;
using Alignment.Sandbox.HubSpot;
using Alignment.Sync.Crm;
using Alignment.Sync.Handoffs;
using Alignment.Sync.History;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alignment.Benchmarks.HubSpot;

/// <summary>
/// API economy of the HubSpot adapter under the real scoring run (<see cref="ScoringRunJob"/>, default model) against
/// the emulator. Defaults: 10,000 companies, 50 ms added to every answer, the emulator enforcing 100 non-search
/// requests per rolling 10 s (and 5 searches per second). Two full rescores at the same instant: the first changes
/// every company and must take at most ceil(N/100) batch updates; the second changes nothing and must write nothing.
/// Neither may draw a 429 (the client throttles first), and the calls each run reports must equal the calls the
/// emulator received. Prints calls by kind and wall time per pass; exit code 1 when a bound fails.
/// Options: <c>--companies N --latency-ms N --max N --interval-ms N</c>.
/// </summary>
public sealed class HubSpotEconomyCommand : IBenchCommand
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    public string Name => "hubspot-economy";

    public string Description => "HubSpot: calls and wall time of full rescores (10,000 companies, 50 ms, 100 req/10 s); exit 1 past a bound";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var companies = Arg(args, "--companies", 10_000);
        var latency = Arg(args, "--latency-ms", 50);
        var max = Arg(args, "--max", 100);
        var interval = Arg(args, "--interval-ms", 10_000);

        var emulatorOptions = new HubSpotEmulatorOptions
        {
            AccessToken = "bench", Latency = TimeSpan.FromMilliseconds(latency), RateLimitMax = max, RateLimitInterval = TimeSpan.FromMilliseconds(interval),
        };
        await using var emulator = await HubSpotEmulator.StartAsync(emulatorOptions, Seed(companies), cancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alignment:HubSpot:BaseUrl"] = emulator.BaseAddress.ToString(),
            ["Alignment:HubSpot:AccessToken"] = "bench",
        }).Build();
        await using var provider = new ServiceCollection().AddHubSpotCrm(configuration).BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();
        var state = new BenchStateStore();
        var planner = new AccountPlanner(AlignmentRules.From(LoadModel()));
        var sync = Microsoft.Extensions.Options.Options.Create(new SyncOptions());
        var alerts = new BenchAlertSink();
        var announcer = new HandoffAnnouncer(alerts, new AlertDelivery(alerts, alerts, sync, new FixedClock(AsOf), NullLogger<AlertDelivery>.Instance), sync, NullLogger<HandoffAnnouncer>.Instance);
        var history = new BenchHistorySink();
        var job = new ScoringRunJob(crm, state, state, state, planner, announcer, new HistoryRecorder(history, history), sync, new FixedClock(AsOf), NullLogger<ScoringRunJob>.Instance);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hubspot-economy: {companies} companies, {latency} ms latency, emulator enforcing {max} requests / {interval} ms (search: {emulatorOptions.SearchRequestsPerSecond}/s)"));
        Console.WriteLine($"{"pass",-24} {"read",6} {"written",7} {"search",7} {"assoc",6} {"b-read",7} {"b-upd",6} {"other",6} {"429s",5} {"reads",6} {"calls",6} {"reported",8} {"wall s",7}");
        var full = await PassAsync("full rescore (changes)", job, emulator, cancellationToken);
        var again = await PassAsync("full rescore (no change)", job, emulator, cancellationToken);

        var bound = (companies + 99) / 100;
        var checks = new (string Text, bool Ok)[]
        {
            ($"first pass: batch-update calls {full.Updates} <= ceil({companies}/100) = {bound}", full.Updates <= bound),
            ($"first pass: every company read and written ({full.Read}/{full.Written} of {companies}, {full.Failed} failed)",
                full.Read == companies && full.Written == companies && full.Failed == 0),
            ($"second pass: nothing written ({again.Written} records, {again.Updates} batch-update calls)", again.Written == 0 && again.Updates == 0),
            ($"no 429 answered ({full.Throttled} + {again.Throttled})", full.Throttled == 0 && again.Throttled == 0),
            ($"calls reported by the run = calls received ({full.Reported}/{full.Calls}, {again.Reported}/{again.Calls})",
                full.Reported == full.Calls && again.Reported == again.Calls),
        };
        foreach (var (text, ok) in checks)
        {
            Console.WriteLine($"{(ok ? "OK    " : "FAILED")} {text}");
        }

        return checks.All(c => c.Ok) ? 0 : 1;
    }

    private static async Task<PassFigures> PassAsync(string name, ScoringRunJob job, HubSpotEmulator emulator, CancellationToken cancellationToken)
    {
        emulator.Counter.Reset();
        var clock = Stopwatch.StartNew();
        var result = await job.RunAsync(new ScoringRunRequest(Full: true), cancellationToken);
        clock.Stop();
        var c = emulator.Counter.Snapshot();
        var known = new[] { "search", "associations", "batch-read", "batch-update", "throttled" };
        var other = c.Where(kv => !known.Contains(kv.Key)).Sum(kv => kv.Value);
        var figures = new PassFigures(
            result.Read, result.Written, result.Failed, Get(c, "batch-update"), Get(c, "throttled"), emulator.Counter.Total, result.ApiCalls);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-24} {result.Read,6} {result.Written,7} {Get(c, "search"),7} {Get(c, "associations"),6} {Get(c, "batch-read"),7} {figures.Updates,6} {other,6} {figures.Throttled,5} {figures.Calls - figures.Updates,6} {figures.Calls,6} {figures.Reported,8} {clock.Elapsed.TotalSeconds,7:F1}"));
        return figures;
    }

    private static IEnumerable<Account> Seed(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = (100_000 + i).ToString(CultureInfo.InvariantCulture);
            var signals = i % 10 == 0
                ? new[] { new Signal(SignalKind.EmailReply, AsOf.AddDays(-1), "c" + id), new Signal(SignalKind.MeetingBooked, AsOf.AddDays(-2), "c" + id) }
                : [];
            yield return new Account
            {
                Id = id, Name = "Company " + id, Employees = 100 + (i % 5000), Industry = "Software", Country = "US",
                Owner = new Owner("owner-" + (i % 25).ToString(CultureInfo.InvariantCulture), "owner@example.com"),
                Signals = [.. signals],
            };
        }
    }

    private static AlignmentModel LoadModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "config", "scoring.json");
            if (File.Exists(path))
            {
                return ModelFileReader.Read(File.ReadAllText(path)).Model ?? throw new InvalidOperationException(path + " is invalid.");
            }
        }

        throw new FileNotFoundException("config/scoring.json not found above " + AppContext.BaseDirectory);
    }

    private static int Get(IReadOnlyDictionary<string, int> counts, string kind) => counts.GetValueOrDefault(kind);

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private sealed record PassFigures(int Read, int Written, int Failed, int Updates, int Throttled, int Calls, int Reported);
}
