using Alignment.Hosting.Runs;
using Alignment.Hosting.Schedules;
using Alignment.Sync.Partitions;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Alignment.Functions.Triggers;

/// <summary>
/// The nightly full rescore of every account (default 02:30 UTC): in this process, or with
/// <c>Alignment:Sync:PartitionedFullRescore</c> planned into partitions for <see cref="ScorePartitionFunction"/>.
/// </summary>
public sealed class FullRescoreFunction(ScoringRunJob job, PartitionPlanJob plan, IOptions<SyncOptions> options)
{
    [Function("FullRescore")]
    [ExponentialBackoffRetry(3, "00:01:00", "00:15:00")]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleOptions.FullRescoreKey + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (options.Value.PartitionedFullRescore)
        {
            await plan.RunAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var result = await job.RunAsync(new ScoringRunRequest(Full: true), cancellationToken).ConfigureAwait(false);
        result.ThrowIfFailed();
    }
}
