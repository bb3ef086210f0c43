using Alignment.Hosting.Schedules;
using Alignment.Sync.Scoreboard;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Triggers;

/// <summary>
/// The weekly scoreboard digest: fires hourly; the job sends the week that ended once, from Monday 08:00 in the team's
/// time zone (docs/scoreboard.md, "Weekly digest").
/// </summary>
public sealed class WeeklyDigestFunction(WeeklyDigestJob job)
{
    [Function("WeeklyDigest")]
    [ExponentialBackoffRetry(3, "00:01:00", "00:15:00")]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleOptions.WeeklyDigestKey + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await job.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
