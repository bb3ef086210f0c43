using Alignment.Hosting.Runs;
using Alignment.Hosting.Schedules;
using Alignment.Sync.Scoring;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Triggers;

/// <summary>The nightly full rescore of every account (default 02:30 UTC).</summary>
public sealed class FullRescoreFunction(ScoringRunJob job)
{
    [Function("FullRescore")]
    [ExponentialBackoffRetry(3, "00:01:00", "00:15:00")]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleOptions.FullRescoreKey + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await job.RunAsync(new ScoringRunRequest(Full: true), cancellationToken).ConfigureAwait(false);
        result.ThrowIfFailed();
    }
}
