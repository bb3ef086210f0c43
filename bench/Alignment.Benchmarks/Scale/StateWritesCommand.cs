using System.Diagnostics;
using System.Globalization;
using Alignment.Core.Tiers;
using Alignment.Sandbox.Azurite;
using Alignment.Storage;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Benchmarks.Scale;

/// <summary>
/// Where a scale run's wall clock goes (docs/benchmarks.md, "Partitioned full rescore at scale"): appends what a full
/// rescore records for each written account — one tier-history row and one write-log row — for <c>--accounts N</c>
/// accounts to the state tables in Azurite, a thousand accounts at a time as a partition's follow-ups do, and prints
/// the rows per second of each successive tenth, to show whether the cost of a row grows with the table.
/// <c>--distinct-instants</c> gives each account its own instant (RowKey) instead of the run's one.
/// </summary>
public sealed class StateWritesCommand : IBenchCommand
{
    public string Name => "state-writes";

    public string Description => "Tier-history and write-log rows per second into Azurite's tables as they grow (the scale run's bound)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var accounts = args.SkipWhile(a => a != "--accounts").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(50_000);
        var distinct = args.Contains("--distinct-instants");
        var root = BenchPaths.FindRepoRoot();
        if (root is null || AzuriteProcess.FindScript(root) is null)
        {
            await Console.Error.WriteLineAsync("state-writes needs Azurite in tools/azurite: " + AzuriteProcess.InstallHint + " (from the repository root).");
            return 2;
        }

        await using var azurite = await AzuriteProcess.StartAsync(root, 0, cancellationToken);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alignment:State:ConnectionString"] = azurite.ConnectionString,
            ["Alignment:State:TablePrefix"] = "writes" + Guid.NewGuid().ToString("N")[..8],
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddTableState(configuration).BuildServiceProvider();
        var tiers = services.GetRequiredService<ITierHistoryStore>();
        var log = services.GetRequiredService<IWriteLog>();
        var at = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);
        var tenth = Math.Max(1_000, accounts / 10);
        var total = Stopwatch.StartNew();
        for (var from = 0; from < accounts; from += tenth)
        {
            var clock = Stopwatch.StartNew();
            foreach (var chunk in Enumerable.Range(from, Math.Min(tenth, accounts - from)).Chunk(1_000))
            {
                var accountsOf = chunk.Select(i => (Id: "001" + i.ToString("D12", CultureInfo.InvariantCulture) + "AAA", At: distinct ? at.AddTicks(i) : at)).ToList();
                await tiers.AppendAsync([.. accountsOf.Select(a => new TierRecord(a.Id, Tier.Tier2, 61, a.At, "2026.12"))], cancellationToken);
                await log.AppendAsync([.. accountsOf.Select(a => new AccountChange(a.Id, a.At, "full-rescore", [new FieldChange(AlignmentField.Score, null, "61"), new FieldChange(AlignmentField.Tier, null, "Tier2")]))], cancellationToken);
            }

            var rows = 2.0 * Math.Min(tenth, accounts - from);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accounts {from + 1}-{Math.Min(from + tenth, accounts)}: {rows / clock.Elapsed.TotalSeconds:F0} rows/s"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"state-writes accounts={accounts} rows={2 * accounts} wall_s={total.Elapsed.TotalSeconds:F1} rows_per_s={2 * accounts / total.Elapsed.TotalSeconds:F0}"));
        return 0;
    }
}
