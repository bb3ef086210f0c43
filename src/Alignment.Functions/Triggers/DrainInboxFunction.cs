using Alignment.Hosting.Schedules;
using Alignment.Sync.Inbox;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Triggers;

/// <summary>
/// Processes the webhook deliveries stored in the inbox that are due (new ones and retries after back-off); a failing
/// item is retried by the inbox's own back-off and parked after repeated failure, so this timer does not retry.
/// </summary>
public sealed class DrainInboxFunction(InboxDrainJob job)
{
    [Function("DrainInbox")]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleOptions.DrainInboxKey + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await job.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
