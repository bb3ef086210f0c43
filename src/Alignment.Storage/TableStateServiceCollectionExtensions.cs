using Alignment.Storage.AlertLedger;
using Alignment.Storage.Checkpoints;
using Alignment.Storage.Health;
using Alignment.Storage.History;
using Alignment.Storage.Inbox;
using Alignment.Storage.Partitions;
using Alignment.Storage.Runs;
using Alignment.Storage.Tables;
using Alignment.Storage.TierHistory;
using Alignment.Sync.History;
using Alignment.Sync.Inbox;
using Alignment.Sync.Partitions;
using Alignment.Sync.State;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Alignment.Storage;

public static class TableStateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the state ports (<see cref="ICheckpointStore"/>, <see cref="ITierHistoryStore"/>, <see cref="IAlertLedger"/>,
    /// <see cref="IWebhookInbox"/>, <see cref="IRunLedger"/>) over Azure Table Storage and the <c>storage</c> health check, configured from
    /// <c>Alignment:State</c> (<see cref="TableStateOptions"/>) and validated on start. Tables are created on first use.
    /// </summary>
    public static IServiceCollection AddTableState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TableStateOptions>()
            .Bind(configuration.GetSection(TableStateOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStateOptions>, TableStateOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(CreateServiceClient);
        services.TryAddSingleton<StateTables>();
        services.TryAddSingleton<ICheckpointStore, TableCheckpointStore>();
        services.TryAddSingleton<ITierHistoryStore, TableTierHistoryStore>();
        services.TryAddSingleton<IAlertLedger, TableAlertLedgerStore>();
        services.TryAddSingleton<IWebhookInbox, TableWebhookInboxStore>();
        services.TryAddSingleton<IRunLedger, TableRunLedgerStore>();
        services.AddHealthChecks().AddCheck<TableStateHealthCheck>(TableStateHealthCheck.Name, HealthStatus.Unhealthy, [TableStateHealthCheck.Name]);
        services.TryAddSingleton<IHandoffHistory, TableHandoffHistoryStore>();
        services.TryAddSingleton<IWriteLog, TableWriteLogStore>();
        services.TryAddSingleton<Sync.Scoreboard.IScoreboardHistory, Scoreboard.TableScoreboardHistoryStore>();
        services.TryAddSingleton(CreateQueueServiceClient);
        services.TryAddSingleton<PartitionQueues>();
        services.TryAddSingleton<IPartitionLedger, TablePartitionLedgerStore>();
        services.TryAddSingleton<IPartitionQueue, StorageQueuePartitionQueue>();
        return services;
    }

    /// <summary>The queue service of the state's storage account; messages base64-encoded, as the Functions queue trigger reads them.</summary>
    private static QueueServiceClient CreateQueueServiceClient(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<TableStateOptions>>().Value;
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new QueueServiceClient(options.QueueServiceUri ?? QueueUriOf(options.TableServiceUri!), new DefaultAzureCredential(), clientOptions)
            : new QueueServiceClient(options.ConnectionString, clientOptions);
    }

    /// <summary><c>https://x.table.core.windows.net</c> → <c>https://x.queue.core.windows.net</c>.</summary>
    internal static Uri QueueUriOf(Uri tableServiceUri) =>
        new UriBuilder(tableServiceUri) { Host = tableServiceUri.Host.Replace(".table.", ".queue.", StringComparison.OrdinalIgnoreCase) }.Uri;

    private static TableServiceClient CreateServiceClient(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<TableStateOptions>>().Value;
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(options.TableServiceUri, new DefaultAzureCredential())
            : new TableServiceClient(options.ConnectionString);
    }
}
