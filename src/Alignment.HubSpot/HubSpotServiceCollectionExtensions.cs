using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Health;
using Alignment.HubSpot.Http;
using Alignment.HubSpot.Setup;
using Alignment.HubSpot.Webhooks;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Alignment.HubSpot;

/// <summary>Registers the HubSpot adapter.</summary>
public static class HubSpotServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICrm"/> (HubSpot), the HubSpot <see cref="IWebhookParser"/>, <see cref="HubSpotPortalSetup"/>
    /// <see cref="HubSpotOptions"/> (section <c>Alignment:HubSpot</c>, validated on start) and the <c>crm</c>
    /// health check (the token is accepted; cached). The typed client runs
    /// auth → retry (429 ten-secondly and 5xx only, honouring <c>Retry-After</c>) → rate gate → network.
    /// </summary>
    public static IServiceCollection AddHubSpotCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HubSpotOptions>().Bind(configuration.GetSection(HubSpotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubSpotOptions>, HubSpotOptionsAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubSpotOptions>, HubSpotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<HubSpotRateGate>();
        services.TryAddTransient<HubSpotAuthHandler>();
        services.TryAddTransient<HubSpotRateLimitHandler>();
        services.TryAddSingleton<HubSpotHttpLogger>();

        var client = services.AddHttpClient<HubSpotClient>(HubSpotClient.HttpClientName, (sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<HubSpotOptions>>().Value.BaseUrl.ToString();
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times each attempt
            })
            .AddHttpMessageHandler<HubSpotAuthHandler>()
            .RemoveAllLoggers() // the default ones put the raw Authorization header in their Trace events' state
            .AddLogger<HubSpotHttpLogger>();
        client.AddResilienceHandler("hubspot", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<HubSpotOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && IsRetryable(args.Outcome)),
                });
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        client.AddHttpMessageHandler<HubSpotRateLimitHandler>();

        services.TryAddSingleton<HubSpotCrm>();
        services.TryAddSingleton<ICrm>(sp => sp.GetRequiredService<HubSpotCrm>());
        services.TryAddTransient<IAccountPartitioner, Partitions.HubSpotPartitioner>();
        services.TryAddTransient<Sync.Calibration.IOutcomeReader, Calibration.HubSpotOutcomeReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookParser, HubSpotWebhookParser>());
        services.TryAddTransient(sp => new HubSpotPortalSetup(
            sp.GetRequiredService<HubSpotClient>(),
            sp.GetRequiredService<IOptions<HubSpotOptions>>(),
            sp.GetRequiredService<ILogger<HubSpotPortalSetup>>()));
        services.TryAddSingleton<HubSpotTokenHealthCheck>();
        services.AddHealthChecks().AddCheck<HubSpotTokenHealthCheck>(HubSpotTokenHealthCheck.Name, HealthStatus.Unhealthy, [HubSpotTokenHealthCheck.Name], TimeSpan.FromSeconds(20));
        return services;
    }

    /// <summary>429 (ten-secondly; DAILY never reaches here), 408, 5xx and network failures. Never 4xx validation errors.</summary>
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
        || outcome.Result is { } r && ((int)r.StatusCode is 429 or 408 or >= 500);
}
