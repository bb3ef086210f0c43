using System.Diagnostics;
using System.Globalization;
using Alignment.Core.Model;
using Alignment.Core.Scoring;

namespace Alignment.Benchmarks.Scoring;

/// <summary>
/// Quick figures without BenchmarkDotNet: scores the <see cref="ScoringBenchmarks"/> data set a few times on one thread
/// and prints accounts per second and bytes allocated per account.
/// Run: <c>dotnet run -c Release --project bench/Alignment.Benchmarks -- scoring-throughput [rounds]</c>.
/// </summary>
public sealed class ScoringThroughputCommand : IBenchCommand
{
    public string Name => "scoring-throughput";

    public string Description => "Scores 100,000 accounts × 50 signals on one thread; prints accounts/s and bytes/account.";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var benchmarks = new ScoringBenchmarks();
        benchmarks.Setup();
        benchmarks.ScoreAccount(); // warm-up (tiered JIT)
        benchmarks.ScoreAccount();

        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        long allocated = 0;
        for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            benchmarks.ScoreAccount();
            watch.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            bestCpu = Math.Min(bestCpu, cpu);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {ScoringBenchmarks.AccountCount / watch.Elapsed.TotalSeconds:N0} accounts/s wall, {ScoringBenchmarks.AccountCount / cpu:N0} accounts per CPU-second, {(double)allocated / ScoringBenchmarks.AccountCount:0.###} bytes/account"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best: {ScoringBenchmarks.AccountCount / best:N0} accounts/s wall ({best * 1e9 / ScoringBenchmarks.AccountCount:N0} ns/account), {ScoringBenchmarks.AccountCount / bestCpu:N0} accounts per CPU-second, {ScoringBenchmarks.AccountCount:N0} accounts × {ScoringBenchmarks.SignalsPerAccount} signals, {(double)allocated / ScoringBenchmarks.AccountCount:0.###} bytes/account"));
        return Task.FromResult(0);
    }
}
