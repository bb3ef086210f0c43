using Alignment.Hosting.Configuration;
using Alignment.Hosting.Health;
using Alignment.Hosting.Schedules;
using Alignment.Hosting.Webhooks;
using Alignment.HubSpot;
using Alignment.Salesforce;
using Alignment.Slack;
using Alignment.Storage;
using Alignment.Sync;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting;

/// <summary>The one composition root of every host (Functions, <c>alignment</c>).</summary>
public static class AlignmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connector: the master CRM chosen by <c>Alignment:Crm</c>, the state store, the alert channel and
    /// the jobs. Validates the whole configuration first and throws one <see cref="AlignmentConfigurationException"/>
    /// listing every missing or malformed setting (with its name and an example) rather than failing on first use.
    /// </summary>
    public static IServiceCollection AddAlignment(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var problems = new List<ConfigurationProblem>(AlignmentSettingsValidator.Validate(configuration));

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AlignmentOptions>().Bind(configuration.GetSection(AlignmentOptions.SectionName));
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.SectionName));
        services.AddOptions<WebhookHostOptions>().Bind(configuration.GetSection(WebhookHostOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookHostOptions>, WebhookHostOptionsValidator>());

        if (AlignmentSettingsValidator.TryParseChoice<CrmKind>(configuration[AlignmentOptions.CrmKey], out var crm))
        {
            _ = crm switch
            {
                CrmKind.Salesforce => services.AddSalesforceCrm(configuration),
                CrmKind.HubSpot => services.AddHubSpotCrm(configuration),
                _ => services,
            };
        }

        services.AddAlignmentSync(configuration);
        services.AddTableState(configuration);
        services.AddSlackAlerts(configuration);
        services.TryAddTransient<WebhookEndpoint>();
        services.AddHealthChecks().AddCheck<ModelHealthCheck>(ModelHealthCheck.Name, HealthStatus.Unhealthy, [ModelHealthCheck.Name]);
        services.TryAddSingleton<HealthReporter>();

        problems.AddRange(RegisteredOptionsValidator.Validate(services));
        if (problems.Count > 0)
        {
            throw new AlignmentConfigurationException(problems);
        }

        return services;
    }
}
