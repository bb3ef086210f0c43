using Alignment.Sync.Handoffs;
using Alignment.Sync.History;
using Alignment.Sync.Inbox;
using Alignment.Sync.Plan;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync;

/// <summary>Registers the jobs of <c>Alignment.Sync</c>.</summary>
public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers the jobs (<see cref="ScoringRunJob"/>, <see cref="SlaSweepJob"/>, <see cref="WebhookIntakeJob"/>,
    /// <see cref="InboxDrainJob"/>, <see cref="PlanJob"/>) and <see cref="SyncOptions"/> (section
    /// <c>Alignment:Sync</c>), validated on start together with the model file: a host refuses to start with an
    /// invalid model, listing its errors. The model is read once. The ports (<c>ICrm</c>, the state stores, the alert
    /// channel, the webhook parsers) are registered by the adapter projects.
    /// </summary>
    public static IServiceCollection AddAlignmentSync(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsAnnotationsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, ModelFileValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AlignmentModelSource>();
        services.TryAddSingleton(sp => AlignmentRules.From(
            sp.GetRequiredService<AlignmentModelSource>().GetModel(sp.GetRequiredService<IOptions<SyncOptions>>().Value.ModelPath)));
        services.TryAddSingleton<AccountPlanner>();
        services.TryAddSingleton<SlaPlanner>();

        services.TryAddTransient<AlertDelivery>();
        services.TryAddTransient<HandoffAnnouncer>();
        services.TryAddTransient<HistoryRecorder>();
        services.TryAddTransient<ScoringRunJob>();
        services.TryAddTransient<Partitions.PartitionPlanJob>();
        services.TryAddTransient<Partitions.PartitionRunJob>();
        services.TryAddTransient<SlaSweepJob>();
        services.TryAddSingleton(sp => new WebhookRejectionLog(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WebhookRejectionLog>>()));
        services.TryAddTransient<WebhookIntakeJob>();
        services.TryAddTransient<InboxDrainJob>();
        services.TryAddTransient<PlanJob>();
        services.TryAddTransient<Calibration.CalibrationRunJob>();
        services.TryAddTransient<Scoreboard.ScoreboardJob>();
        services.TryAddTransient<Scoreboard.WeeklyDigestJob>();
        return services;
    }
}
