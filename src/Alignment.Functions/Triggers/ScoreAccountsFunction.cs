using Alignment.Hosting.Runs;
using Alignment.Hosting.Schedules;
using Alignment.Sync.Scoring;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Triggers;

/// <summary>The incremental scoring run: accounts changed since the checkpoint (default every 15 minutes).</summary>
public sealed class ScoreAccountsFunction(ScoringRunJob job)
{
    [Function("ScoreAccounts")]
    [ExponentialBackoffRetry(3, "00:00:30", "00:05:00")]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleOptions.ScoreKey + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await job.RunAsync(new ScoringRunRequest(Full: false), cancellationToken).ConfigureAwait(false);
        result.ThrowIfFailed();
    }
}
