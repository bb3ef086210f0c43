using System.Diagnostics;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.HubSpot;
using Alignment.Sandbox.HubSpot;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Benchmarks.HubSpot;

/// <summary>
/// API economy of the HubSpot adapter against the emulator (defaults: 10,000 companies, 50 ms latency, 100 requests per
/// 10 s enforced): a full rescore that changes every company must take at most ceil(N/100) batch updates, and a
/// rescore that changes nothing must write nothing. Prints calls by kind and wall time; exit code 1 if a bound fails.
/// Options: <c>--companies N --latency-ms N --max N --interval-ms N</c>.
/// </summary>
public sealed class HubSpotEconomyCommand : IBenchCommand
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    public string Name => "hubspot-economy";

    public string Description => "HubSpot adapter: calls and wall time of a full rescore (10,000 companies, 50 ms, 100 req/10 s)";

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
            ["Alignment:HubSpot:BurstLimit"] = max.ToString(CultureInfo.InvariantCulture),
            ["Alignment:HubSpot:BurstIntervalMilliseconds"] = interval.ToString(CultureInfo.InvariantCulture),
        }).Build();
        await using var provider = new ServiceCollection().AddHubSpotCrm(configuration).BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();

        Console.WriteLine($"hubspot-economy: {companies} companies, {latency} ms latency, {max} requests / {interval} ms enforced");
        Console.WriteLine($"{"pass",-22} {"accounts",8} {"writes",7} {"search",7} {"assoc",6} {"b-read",7} {"b-upd",6} {"other",6} {"429s",5} {"calls",6} {"wall s",7}");
        var full = await PassAsync("full rescore (changes)", crm, emulator, cancellationToken);
        var again = await PassAsync("rescore (no change)", crm, emulator, cancellationToken);

        var bound = (companies + 99) / 100;
        var ok = full.Updates <= bound && full.Writes == companies && again.Updates == 0 && again.Writes == 0;
        Console.WriteLine($"bound: update calls {full.Updates} <= ceil({companies}/100) = {bound}; unchanged pass update calls {again.Updates}: {(ok ? "OK" : "FAILED")}");
        return ok ? 0 : 1;
    }

    private static async Task<(int Updates, int Writes)> PassAsync(string name, ICrm crm, HubSpotEmulator emulator, CancellationToken cancellationToken)
    {
        emulator.Counter.Reset();
        var callsBefore = crm.GetUsage().Calls;
        var clock = Stopwatch.StartNew();
        var writes = new List<AccountWrite>();
        var accounts = 0;
        await foreach (var read in crm.ReadAccountsAsync(new CrmReadRequest(null, AsOf.AddDays(-90)), cancellationToken))
        {
            accounts++;
            if (Rescore(read.Account) is { } write)
            {
                writes.Add(write);
            }
        }

        var result = writes.Count == 0 ? CrmWriteResult.Empty : await crm.WriteAsync(writes, cancellationToken);
        clock.Stop();
        var c = emulator.Counter.Snapshot();
        var known = new[] { "search", "associations", "batch-read", "batch-update", "throttled" };
        var other = c.Where(kv => !known.Contains(kv.Key)).Sum(kv => kv.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {accounts,8} {result.Written.Count,7} {Get(c, "search"),7} {Get(c, "associations"),6} {Get(c, "batch-read"),7} {Get(c, "batch-update"),6} {other,6} {Get(c, "throttled"),5} {crm.GetUsage().Calls - callsBefore,6} {clock.Elapsed.TotalSeconds,7:F1}"));
        return (Get(c, "batch-update"), writes.Count);
    }

    /// <summary>A stand-in for the scoring run: a deterministic score per account; only changed fields are written.</summary>
    private static AccountWrite? Rescore(Account account)
    {
        var wanted = account.Current with { Score = Deterministic(account.Id), Fit = 60, ModelVersion = "bench-1", ScoredAt = AsOf };
        var fields = new HashSet<AlignmentField>();
        if (wanted.Score != account.Current.Score)
        {
            fields.Add(AlignmentField.Score);
        }

        if (wanted.Fit != account.Current.Fit)
        {
            fields.Add(AlignmentField.FitScore);
        }

        if (wanted.ModelVersion != account.Current.ModelVersion)
        {
            fields.Add(AlignmentField.ModelVersion);
        }

        if (wanted.ScoredAt != account.Current.ScoredAt)
        {
            fields.Add(AlignmentField.ScoredAt);
        }

        return fields.Count == 0 ? null : new AccountWrite(account.Id, wanted, fields);
    }

    private static int Deterministic(string id) => int.Parse(id, CultureInfo.InvariantCulture) % 101;

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

    private static int Get(IReadOnlyDictionary<string, int> counts, string kind) => counts.GetValueOrDefault(kind);

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
