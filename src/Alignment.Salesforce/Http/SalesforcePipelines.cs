using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Logging;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Alignment.Salesforce.Http;

/// <summary>
/// The Salesforce adapter's named resilience pipelines (Polly v8, <c>AddResiliencePipeline</c>), beside the HTTP
/// clients' standard resilience handler (docs/salesforce.md, "API limits and economy").
/// </summary>
internal static class SalesforcePipelines
{
    /// <summary>
    /// Record-level retries of an sObject Collections write: the records refused with a transient code
    /// (<c>UNABLE_TO_LOCK_ROW</c>) are written again, up to <see cref="SalesforceOptions.MaxWriteAttempts"/> attempts in
    /// all, with exponential back-off and jitter from <see cref="SalesforceOptions.RetryBaseDelay"/>. The callback's
    /// result is the records still to retry; an empty list ends the pipeline.
    /// </summary>
    public const string RecordRetry = "Alignment.Salesforce.RecordRetry";

    public static IServiceCollection AddSalesforcePipelines(this IServiceCollection services)
    {
        services.AddResiliencePipeline<string, IReadOnlyList<AccountWrite>>(RecordRetry, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<SalesforceOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SalesforceCrm));
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddRetry(new RetryStrategyOptions<IReadOnlyList<AccountWrite>>
            {
                // Polly needs at least one retry; with MaxWriteAttempts 1 the callback never returns records to retry.
                MaxRetryAttempts = Math.Max(1, options.MaxWriteAttempts - 1),
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Count: > 0 }),
                OnRetry = args =>
                {
                    SalesforceLog.RetryingRecords(logger, args.Outcome.Result?.Count ?? 0, args.AttemptNumber + 1);
                    return default;
                },
            });
        });
        return services;
    }
}
