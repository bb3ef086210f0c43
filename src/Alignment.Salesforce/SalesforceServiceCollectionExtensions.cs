using Alignment.Salesforce.Auth;
using Alignment.Salesforce.Bulk;
using Alignment.Salesforce.Calibration;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Health;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Partitions;
using Alignment.Salesforce.Webhooks;
using Alignment.Sync.Calibration;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce;

/// <summary>Registers the Salesforce adapter.</summary>
public static class SalesforceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICrm"/> (Salesforce), the <c>salesforce</c> <see cref="IWebhookParser"/> and
    /// <see cref="SalesforceOptions"/> bound to <c>Alignment:Salesforce</c> and validated on start, and the
    /// <c>crm</c> health check (a token can be obtained; cached).
    /// </summary>
    public static IServiceCollection AddSalesforceCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SalesforceOptions>().Bind(configuration.GetSection(SalesforceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SalesforceApiUsageTracker>();
        services.TryAddSingleton<SalesforceTokenClient>();
        services.TryAddSingleton<SalesforceTokenCache>();
        services.TryAddTransient<SalesforceAuthHandler>();
        services.TryAddTransient<SalesforceLimitsHandler>();

        // RemoveAllLoggers: the framework's HttpClient loggers put the raw Authorization header into the state of their
        // Trace events, where a structured sink would store the access token.
        services.AddHttpClient(SalesforceTokenClient.HttpClientName)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure(Configure);
        services.AddHttpClient<SalesforceApiClient>()
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                Configure(resilience, sp);
                resilience.Retry.ShouldHandle = SalesforceRetryPredicate.ShouldRetryAsync; // + the concurrent-request limit
            })
            .Services.AddHttpClient<SalesforceApiClient>()
            .AddHttpMessageHandler<SalesforceAuthHandler>()
            .AddHttpMessageHandler<SalesforceLimitsHandler>();

        // Bulk API 2.0: the same handlers; no retry of the upload or the state change (a second upload fails the job).
        services.AddHttpClient<SalesforceBulkClient>()
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) =>
            {
                Configure(resilience, sp);
                resilience.Retry.ShouldHandle = SalesforceRetryPredicate.ShouldRetryAsync;
                resilience.Retry.DisableFor(HttpMethod.Put, HttpMethod.Patch);
            })
            .Services.AddHttpClient<SalesforceBulkClient>()
            .AddHttpMessageHandler<SalesforceAuthHandler>()
            .AddHttpMessageHandler<SalesforceLimitsHandler>();
        services.TryAddTransient<SalesforceBulkReader>();
        services.TryAddTransient<SalesforceBulkWriter>();
        services.TryAddTransient<IAccountPartitioner, SalesforcePartitioner>();

        services.AddSalesforcePipelines();
        services.TryAddTransient<SalesforceQueryPager>();
        services.TryAddTransient<SalesforceAccountWriter>();
        services.TryAddTransient<SalesforceCrm>();
        services.AddTransient<ICrm>(sp => sp.GetRequiredService<SalesforceCrm>());
        services.TryAddTransient<IOutcomeReader, SalesforceOutcomeReader>();
        services.TryAddSingleton<SalesforceWebhookParser>();
        services.AddSingleton<IWebhookParser>(sp => sp.GetRequiredService<SalesforceWebhookParser>());
        services.TryAddSingleton<SalesforceTokenHealthCheck>();
        services.AddHealthChecks().AddCheck<SalesforceTokenHealthCheck>(SalesforceTokenHealthCheck.Name, HealthStatus.Unhealthy, [SalesforceTokenHealthCheck.Name], TimeSpan.FromSeconds(20));
        return services;
    }

    private static void Configure(HttpStandardResilienceOptions resilience, IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<SalesforceOptions>>().Value;
        resilience.Retry.MaxRetryAttempts = o.MaxRetries;
        resilience.Retry.Delay = o.RetryBaseDelay;
        resilience.Retry.UseJitter = true;
        resilience.AttemptTimeout.Timeout = o.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = (o.AttemptTimeout * (o.MaxRetries + 1)) + (o.RetryBaseDelay * Math.Pow(2, o.MaxRetries + 1));
        resilience.CircuitBreaker.SamplingDuration = (o.AttemptTimeout * 2) + TimeSpan.FromSeconds(1);
    }
}
