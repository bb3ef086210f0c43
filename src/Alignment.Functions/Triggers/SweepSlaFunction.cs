using Alignment.Hosting.Runs;
using Alignment.Hosting.Schedules;
using Alignment.Sync.Sla;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Triggers;

/// <summary>The SLA sweep: statuses, alerts (each once per handoff and level), recycling (default every 5 minutes).</summary>
public sealed class SweepSlaFunction(SlaSweepJob job)
{
    [Function("SweepSla")]
    [FixedDelayRetry(2, "00:00:30")]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleOptions.SweepSlaKey + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        result.ThrowIfFailed();
    }
}
