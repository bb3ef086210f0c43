using Alignment.Hosting.Runs;
using Alignment.Hosting.Schedules;
using Alignment.Sync.Calibration;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Triggers;

/// <summary>
/// The monthly calibration and its Slack summary (default 07:00 UTC on the 1st), once per CRM and month whatever the
/// retries (docs/calibration.md, "Monthly summary").
/// </summary>
public sealed class CalibrateFunction(CalibrationRunJob job)
{
    [Function("Calibrate")]
    [ExponentialBackoffRetry(3, "00:01:00", "00:15:00")]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleOptions.CalibrateKey + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var result = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        result.ThrowIfFailed();
    }
}
