using Alignment.Slack.Api;
using Alignment.Slack.RateLimiting;
using Alignment.Slack.Users;
using Alignment.Sync.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alignment.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAlertChannel"/> over Slack, configured from <c>Alignment:Slack</c> (<see cref="SlackOptions"/>)
    /// and validated on start. Uses <see cref="TimeProvider"/> from the container (the system clock unless replaced).
    /// </summary>
    public static IServiceCollection AddSlackAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddLogging();

        services.TryAddTransient<SlackAuthHandler>();
        services.AddHttpClient(SlackHttpClientNames.Api, (provider, client) =>
            {
                var settings = provider.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue;
                client.BaseAddress = settings.ApiBaseUrl;
                client.Timeout = settings.RequestTimeout;
            })
            .AddHttpMessageHandler<SlackAuthHandler>()
            .RemoveAllLoggers();
        services.AddHttpClient(SlackHttpClientNames.Webhook, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.RequestTimeout)
            .RemoveAllLoggers();

        services.TryAddSingleton<SlackApiClient>();
        services.TryAddSingleton<SlackWebhookClient>();
        services.TryAddSingleton<SlackUserDirectory>();
        services.TryAddSingleton<SlackChannelRateLimiter>();
        services.AddSlackPipelines();
        services.TryAddSingleton<IAlertChannel, SlackAlertChannel>();
        return services;
    }
}
