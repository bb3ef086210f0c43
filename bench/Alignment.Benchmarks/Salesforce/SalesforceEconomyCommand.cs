using System.Diagnostics;
using System.Globalization;
using Alignment.Salesforce.Configuration;
using Alignment.Sandbox.Salesforce;
using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Benchmarks.Salesforce;

/// <summary>
/// API economy of the Salesforce adapter against the emulator (defaults: 10,000 accounts, 50 ms latency, 2,000 records a
/// page): a full rescore that changes every account must take at most ceil(N/200) sObject Collections calls plus the
/// read pages; the incremental runs after it (the first re-reads the accounts our own writes touched, the second finds
/// nothing) must write nothing. Accounts are scored by the real planner and diff (config/scoring.json), written in
/// batches of 200 read accounts as the scoring run does. Prints calls by kind and wall time; exit code 1 if a bound fails.
/// Options: <c>--accounts N --latency-ms N --page-size N --model PATH</c>.
/// </summary>
public sealed class SalesforceEconomyCommand : IBenchCommand
{
    private const int BatchSize = 200;

    public string Name => "salesforce-economy";

    public string Description => "Salesforce adapter: calls and wall time of a full rescore and incremental runs (10,000 accounts, 50 ms)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = SalesforceBenchOrg.Arg(args, "--accounts", 10_000);
        var latency = SalesforceBenchOrg.Arg(args, "--latency-ms", 50);
        var pageSize = SalesforceBenchOrg.Arg(args, "--page-size", 2000);
        var model = new AlignmentModelSource().GetModel(SalesforceBenchOrg.Arg(args, "--model") ?? "config/scoring.json");
        var planner = new AccountPlanner(AlignmentRules.From(model));

        var emulatorOptions = new SalesforceEmulatorOptions { PageSize = pageSize };
        await using var emulator = await SalesforceEmulator.StartAsync(emulatorOptions, SalesforceBenchOrg.Accounts(count), cancellationToken);
        emulator.Faults.Latency = TimeSpan.FromMilliseconds(latency);
        await using var provider = SalesforceBenchOrg.Client(emulator.BaseAddress, emulatorOptions, pageSize);
        var crm = provider.GetRequiredService<ICrm>();
        var idChunk = new SalesforceOptions().IdChunkSize;

        Console.WriteLine($"salesforce-economy: {count} accounts, {latency} ms latency, {pageSize} records a page, writes of {BatchSize}");
        Console.WriteLine($"{"pass",-34} {"read",6} {"written",7} {"w-calls",7} {"r-calls",7} {"token",5} {"client",6} {"wall s",7}");
        var full = await PassAsync("full rescore (changes every one)", crm, emulator, planner, null, cancellationToken);
        var echo = await PassAsync("incremental (own writes re-read)", crm, emulator, planner, full.Checkpoint, cancellationToken);
        var quiet = await PassAsync("incremental (nothing changed)", crm, emulator, planner, echo.Checkpoint, cancellationToken);

        // Reads of a full pass: the account pages, and per page one CampaignMember query per IdChunkSize accounts.
        var pages = (count + pageSize - 1) / pageSize;
        var campaignQueries = Enumerable.Range(0, pages).Sum(p => (Math.Min(pageSize, count - (p * pageSize)) + idChunk - 1) / idChunk);
        var writeBound = (count + BatchSize - 1) / BatchSize;
        var ok = full.Written == count && full.WriteCalls <= writeBound && full.ReadCalls <= pages + campaignQueries
            && echo.WriteCalls == 0 && echo.Written == 0 && quiet.WriteCalls == 0 && quiet.Written == 0;
        Console.WriteLine($"bound: full rescore write calls {full.WriteCalls} <= ceil({count}/{BatchSize}) = {writeBound}; "
            + $"read calls {full.ReadCalls} <= {pages} account pages + {campaignQueries} campaign-member queries = {pages + campaignQueries}; "
            + $"incremental write calls {echo.WriteCalls} and {quiet.WriteCalls} (must be 0): {(ok ? "OK" : "FAILED")}");
        return ok ? 0 : 1;
    }

    private static async Task<PassFigures> PassAsync(
        string name, ICrm crm, SalesforceEmulator emulator, AccountPlanner planner, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        emulator.ResetRequestCounts();
        var callsBefore = crm.GetUsage().Calls;
        var clock = Stopwatch.StartNew();
        var read = 0;
        var written = 0;
        DateTimeOffset? newest = null;
        var buffer = new List<CrmAccount>(BatchSize);
        var request = new CrmReadRequest(since, SalesforceBenchOrg.AsOf.AddDays(-planner.Rules.LongestSignalWindowDays));
        await foreach (var account in crm.ReadAccountsAsync(request, cancellationToken))
        {
            read++;
            newest = newest is { } n && n >= account.LastModifiedAt ? n : account.LastModifiedAt;
            buffer.Add(account);
            if (buffer.Count == BatchSize)
            {
                written += await WriteAsync(crm, planner, buffer, cancellationToken);
            }
        }

        written += await WriteAsync(crm, planner, buffer, cancellationToken);
        clock.Stop();
        var counts = emulator.Requests;
        var figures = new PassFigures(read, written, counts.Writes, counts.Reads, newest?.AddTicks(1) ?? since);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {read,6} {written,7} {counts.Writes,7} {counts.Reads,7} {counts.Token,5} {crm.GetUsage().Calls - callsBefore,6} {clock.Elapsed.TotalSeconds,7:F1}"));
        return figures;
    }

    /// <summary>Plans a batch of read accounts (real scoring and diff at a fixed instant) and writes the changed ones.</summary>
    private static async Task<int> WriteAsync(ICrm crm, AccountPlanner planner, List<CrmAccount> buffer, CancellationToken cancellationToken)
    {
        var writes = buffer.Select(a => planner.Plan(a, null, SalesforceBenchOrg.AsOf).Write).OfType<AccountWrite>().ToList();
        buffer.Clear();
        if (writes.Count == 0)
        {
            return 0;
        }

        var result = await crm.WriteAsync(writes, cancellationToken);
        if (result.Failures.Count > 0)
        {
            throw new InvalidOperationException($"{result.Failures.Count} writes failed, first: {result.Failures[0].ErrorCode}.");
        }

        return result.Written.Count;
    }

    private sealed record PassFigures(int Read, int Written, int WriteCalls, int ReadCalls, DateTimeOffset? Checkpoint);
}
