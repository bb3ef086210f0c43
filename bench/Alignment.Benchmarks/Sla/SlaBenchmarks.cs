using Alignment.Core.Sla;
using BenchmarkDotNet.Attributes;

namespace Alignment.Benchmarks.Sla;

/// <summary>
/// Deadline computations and SLA status evaluations over a mixed workload (docs/benchmarks.md, section SLA). Each invocation
/// runs the whole batch; the reported time is per operation.
/// Run: <c>dotnet run -c Release --project bench/Alignment.Benchmarks -- --filter '*SlaBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class SlaBenchmarks
{
    private const int Batch = 1_000;
    private SlaClock _clock = null!;
    private SlaWorkload _workload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clock = new SlaClock(SlaPolicy.Default);
        _workload = new SlaWorkload(Batch);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public long DueFor()
    {
        long sum = 0;
        foreach (var c in _workload.Cases)
        {
            sum += _clock.DueFor(c.Handoff.HandoffAt, c.Handoff.TierAtHandoff, c.OwnerTimeZone).UtcTicks;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Assess()
    {
        var breached = 0;
        foreach (var c in _workload.Cases)
        {
            if (_clock.Assess(c.Handoff, c.Signals, c.OwnerTimeZone, c.AsOf).Status == SlaStatus.Breached)
            {
                breached++;
            }
        }

        return breached;
    }
}
