using System.Diagnostics;
using System.Globalization;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;

namespace Alignment.Benchmarks.Sla;

/// <summary>
/// A quick single-threaded throughput figure for deadlines and SLA assessments (no BenchmarkDotNet statistics):
/// <c>dotnet run -c Release --project bench/Alignment.Benchmarks -- sla-throughput [seconds]</c>.
/// </summary>
public sealed class SlaThroughputCommand : IBenchCommand
{
    public string Name => "sla-throughput";

    public string Description => "Deadlines and SLA assessments per second on one thread (quick figure).";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 3;
        var clock = new SlaClock(SlaPolicy.Default);
        var workload = new SlaWorkload(1_000);

        Report("deadlines", Measure(seconds, cancellationToken, () =>
        {
            foreach (var c in workload.Cases)
            {
                clock.DueFor(c.Handoff.HandoffAt, c.Handoff.TierAtHandoff, c.OwnerTimeZone);
            }

            return workload.Cases.Length;
        }));
        Report("assessments", Measure(seconds, cancellationToken, () =>
        {
            foreach (var c in workload.Cases)
            {
                clock.Assess(c.Handoff, c.Signals, c.OwnerTimeZone, c.AsOf);
            }

            return workload.Cases.Length;
        }));
        Report("assessments, cold calendars (new policy per 1,000)", Measure(seconds, cancellationToken, () =>
        {
            var cold = new SlaClock(NewPolicy());
            foreach (var c in workload.Cases)
            {
                cold.Assess(c.Handoff, c.Signals, c.OwnerTimeZone, c.AsOf);
            }

            return workload.Cases.Length;
        }));
        return Task.FromResult(0);
    }

    private static SlaPolicy NewPolicy()
    {
        var d = SlaPolicy.Default;
        return new SlaPolicy(d.DefaultTimeZone, d.Hours, d.Holidays, Enum.GetValues<Tier>().ToDictionary(t => t, t => d.DeadlineFor(t)), d.AtRiskShare, d.EscalateAfter, d.RecycleAfterBusinessDays);
    }

    private static double Measure(double seconds, CancellationToken cancellationToken, Func<int> batch)
    {
        batch(); // warm-up
        var operations = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds && !cancellationToken.IsCancellationRequested)
        {
            operations += batch();
        }

        return operations / watch.Elapsed.TotalSeconds;
    }

    private static void Report(string what, double perSecond) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-52} {perSecond,12:N0} /s"));
}
