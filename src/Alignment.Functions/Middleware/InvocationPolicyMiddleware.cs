using Alignment.Sync.Crm;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Alignment.Functions.Middleware;

/// <summary>
/// Logging and failure policy of every invocation, in one place. A failure is logged (type and invocation id, never
/// payloads) and rethrown, so that the timer's retry policy runs and HTTP senders get a 5xx and redeliver. The one
/// exception is a run stopped at the CRM's API budget: retrying sooner cannot help, the next schedule resumes from the
/// checkpoint, so it is logged as a warning and the invocation succeeds.
/// </summary>
internal sealed partial class InvocationPolicyMiddleware(TimeProvider time) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var logger = context.GetLogger<InvocationPolicyMiddleware>();
        var function = context.FunctionDefinition.Name;
        var started = time.GetTimestamp();
        var attempt = context.RetryContext?.RetryCount ?? 0;
        LogStarted(logger, function, context.InvocationId, attempt);
        try
        {
            await next(context).ConfigureAwait(false);
            LogCompleted(logger, function, context.InvocationId, time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (CrmBudgetExhaustedException)
        {
            LogBudgetExhausted(logger, function, context.InvocationId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, function, context.InvocationId, e.GetType().Name, attempt);
            throw;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Function {Function} invocation {InvocationId} started (retry {Attempt})")]
    private static partial void LogStarted(ILogger logger, string function, string invocationId, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Function {Function} invocation {InvocationId} completed in {ElapsedMs} ms")]
    private static partial void LogCompleted(ILogger logger, string function, string invocationId, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Function {Function} invocation {InvocationId} stopped at the CRM API budget; the next run resumes from the checkpoint")]
    private static partial void LogBudgetExhausted(ILogger logger, string function, string invocationId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Function {Function} invocation {InvocationId} failed with {ExceptionType} (retry {Attempt}); rethrown for the host's retry policy")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string invocationId, string exceptionType, int attempt);
}
