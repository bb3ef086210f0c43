using Alignment.Sync.Alerts;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>
/// The real Slack channel; the process dies on a chosen send, either before the post leaves (ledger says Sending,
/// nothing posted) or right after Slack accepted it (posted, ledger still says Sending).
/// </summary>
internal sealed class CrashingAlertChannel(IAlertChannel inner, CrashSwitch crash, bool afterPost) : IAlertChannel
{
    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (!afterPost)
        {
            crash.Trip("before the Slack post");
        }

        await inner.SendAsync(alert, cancellationToken);
        if (afterPost)
        {
            crash.Trip("after the Slack post");
        }
    }

    public Task<bool?> WasDeliveredAsync(Alert alert, DateTimeOffset since, CancellationToken cancellationToken) =>
        inner.WasDeliveredAsync(alert, since, cancellationToken);
}
