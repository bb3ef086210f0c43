using System.Text.Json;
using Alignment.Storage.Partitions;
using Alignment.Sync.Crm;
using Alignment.Sync.Partitions;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alignment.Cli.Serve;

/// <summary>
/// <c>alignment serve</c>'s stand-in for the <c>ScorePartition</c> queue trigger (docs/partitions.md): a configurable
/// number of workers take partitions from the same Storage Queue (Azurite locally), each run in its own scope by
/// <see cref="PartitionRunJob"/>, as the Functions host does. A message is hidden while it is processed (renewed every
/// half <see cref="PartitionWorkerOptions.VisibilityTimeout"/>, <see cref="QueueMessageLease"/>) and deleted once done;
/// one that throws becomes visible again after a back-off, and after <see cref="IPartitionQueue.MaxDeliveries"/>
/// deliveries it moves to <c>alignment-partitions-poison</c>, as the host moves it. A run stopped at the CRM's API budget
/// is not a failure (the next nightly plan enqueues what is missing), as in the Functions middleware.
/// </summary>
internal sealed partial class PartitionQueueWorker(
    PartitionQueues queues,
    IServiceScopeFactory scopes,
    PartitionWorkerOptions options,
    TimeProvider time,
    ILogger<PartitionQueueWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(1, options.Workers).Select(worker => LoopAsync(worker, stoppingToken)));

    private async Task LoopAsync(int worker, CancellationToken stoppingToken)
    {
        var idle = options.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await queues.GetAsync(IPartitionQueue.QueueName, stoppingToken).ConfigureAwait(false);
                var received = (await queue.ReceiveMessagesAsync(1, options.VisibilityTimeout, stoppingToken).ConfigureAwait(false)).Value;
                if (received is not [var message, ..])
                {
                    await Task.Delay(idle, time, stoppingToken).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollInterval.Ticks));
                    continue;
                }

                idle = options.PollInterval;
                await ProcessAsync(worker, queue, message, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
            {
                LogQueueUnavailable(logger, worker, ex.Message);
                await Task.Delay(options.MaxPollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ProcessAsync(int worker, QueueClient queue, QueueMessage message, CancellationToken stoppingToken)
    {
        // Hidden for as long as it is processed, as the Functions host keeps it: a long partition is not delivered twice.
        var lease = new QueueMessageLease(queue, message, options.VisibilityTimeout, time);
        string? failure = null;
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var partition = PartitionQueues.Deserialize(message.Body.ToString());
                var result = await scope.ServiceProvider.GetRequiredService<PartitionRunJob>().RunAsync(partition, stoppingToken).ConfigureAwait(false);
                LogDone(logger, worker, partition.RunId, partition.Index, partition.Total, result.Read, result.Written);
            }
        }
        catch (CrmBudgetExhaustedException ex)
        {
            LogBudget(logger, worker, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            failure = ex is JsonException ? "malformed message: " + ex.Message : ex.GetType().Name + ": " + ex.Message;
        }
        finally
        {
            await lease.DisposeAsync().ConfigureAwait(false);
        }

        if (failure is not null)
        {
            if (message.DequeueCount >= IPartitionQueue.MaxDeliveries)
            {
                var poison = await queues.GetAsync(IPartitionQueue.PoisonQueueName, stoppingToken).ConfigureAwait(false);
                await poison.SendMessageAsync(message.Body, cancellationToken: stoppingToken).ConfigureAwait(false);
                await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, stoppingToken).ConfigureAwait(false);
                LogPoisoned(logger, worker, message.MessageId, message.DequeueCount, failure);
                return;
            }

            var backoff = TimeSpan.FromTicks(options.RetryBaseDelay.Ticks * (1L << (int)Math.Min(message.DequeueCount - 1, 10)));
            await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: backoff, cancellationToken: stoppingToken).ConfigureAwait(false);
            LogRetrying(logger, worker, message.MessageId, message.DequeueCount, backoff, failure);
            return;
        }

        await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Partition worker {Worker}: partition {Index} of {Total} of {RunId} done, {Read} read, {Written} written")]
    private static partial void LogDone(ILogger logger, int worker, string runId, int index, int total, int read, int written);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Partition worker {Worker}: delivery {Delivery} of message {MessageId} failed ({Reason}); visible again in {Backoff}")]
    private static partial void LogRetrying(ILogger logger, int worker, string messageId, long delivery, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Partition worker {Worker}: message {MessageId} failed {Delivery} times and moved to alignment-partitions-poison: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, int worker, string messageId, long delivery, string reason);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Partition worker {Worker}: the CRM's API budget ran out ({Message}); the next plan enqueues the partition again")]
    private static partial void LogBudget(ILogger logger, int worker, string message);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Partition worker {Worker}: the partition queue is unavailable ({Problem}); trying again")]
    private static partial void LogQueueUnavailable(ILogger logger, int worker, string problem);
}

/// <summary>How <c>alignment serve</c> consumes the partition queue.</summary>
internal sealed record PartitionWorkerOptions
{
    /// <summary>Partitions processed at once (<c>--partition-workers</c>); 0 consumes nothing.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>How long a received message stays hidden at a time while a worker processes it, renewed every half of it (the Functions default is 10 minutes).</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before a failed message is visible again; doubles with each delivery.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);
}
