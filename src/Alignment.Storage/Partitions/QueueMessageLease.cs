using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Alignment.Storage.Partitions;

/// <summary>
/// Keeps a received queue message hidden while it is processed, as the Functions host's queue listener does
/// (docs/partitions.md, "Failures"): every half visibility timeout the message is hidden for a whole timeout again, so a
/// partition that runs longer than the timeout is not delivered to a second worker meanwhile. Disposing stops the
/// renewals (an update already sent is awaited); <see cref="PopReceipt"/> is then the receipt to delete or update the
/// message with.
/// </summary>
public sealed class QueueMessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _visibilityTimeout;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private string _popReceipt;
    private int _renewals;

    public QueueMessageLease(QueueClient queue, QueueMessage message, TimeSpan visibilityTimeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.FromSeconds(1));
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _visibilityTimeout = visibilityTimeout;
        _time = time;
        _renewing = RenewAsync();
    }

    /// <summary>The message's current pop receipt (each renewal gives a new one).</summary>
    public string PopReceipt => Volatile.Read(ref _popReceipt);

    /// <summary>Renewals made so far.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        while (true)
        {
            try
            {
                await Task.Delay(_visibilityTimeout / 2, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                // Not cancelled by Dispose: an update the queue applied must be read back, or its receipt is lost.
                var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: _visibilityTimeout, cancellationToken: CancellationToken.None)
                    .ConfigureAwait(false);
                Volatile.Write(ref _popReceipt, receipt.Value.PopReceipt);
                Interlocked.Increment(ref _renewals);
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                // The queue refused (the message is gone or was taken again) or is unreachable: the next renewal
                // tries again; the final delete reports what is left.
            }
        }
    }
}
