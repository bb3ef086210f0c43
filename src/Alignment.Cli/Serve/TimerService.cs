using Alignment.Hosting.Schedules;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alignment.Cli.Serve;

/// <summary>
/// Runs the timers of <c>alignment serve</c>: one loop per schedule, waiting on the injected clock for the next
/// occurrence, each run in its own scope. Runs of one timer never overlap (like the Functions singleton timer); a
/// failure is logged and the timer goes on at its next occurrence.
/// </summary>
internal sealed partial class TimerService(
    IReadOnlyList<ScheduledJob> jobs,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TimerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => LoopAsync(job, stoppingToken)));

    private async Task LoopAsync(ScheduledJob job, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (job.Schedule.GetNextOccurrence(now) is not { } next)
            {
                LogNoOccurrence(logger, job.Name);
                return;
            }

            LogNext(logger, job.Name, next);
            try
            {
                await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RunOnceAsync(job, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(ScheduledJob job, CancellationToken stoppingToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                var summary = await job.RunAsync(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
                LogRan(logger, job.Name, summary);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (CrmBudgetExhaustedException)
            {
                LogBudget(logger, job.Name);
            }
            catch (Exception e)
            {
                LogFailed(logger, e, job.Name, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Timer {Timer} next at {Next:u}")]
    private static partial void LogNext(ILogger logger, string timer, DateTimeOffset next);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Timer {Timer}: {Summary}")]
    private static partial void LogRan(ILogger logger, string timer, string summary);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Timer {Timer} stopped at the CRM API budget; the next occurrence resumes")]
    private static partial void LogBudget(ILogger logger, string timer);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Timer {Timer} failed with {ExceptionType}; it runs again at its next occurrence")]
    private static partial void LogFailed(ILogger logger, Exception exception, string timer, string exceptionType);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Timer {Timer} has no future occurrence; it is off")]
    private static partial void LogNoOccurrence(ILogger logger, string timer);
}
