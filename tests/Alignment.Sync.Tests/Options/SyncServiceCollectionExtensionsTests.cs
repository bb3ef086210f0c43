using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Alignment.Sync.Plan;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.Sync.State;
using Alignment.TestKit.Fakes;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Tests.Options;

public sealed class SyncServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAlignmentSync_ValidModel_ResolvesAFreshInstanceOfEveryJobOverOneSetOfRules()
    {
        using var provider = Build(new() { ["Alignment:Sync:ModelPath"] = DefaultScoringModel.FilePath, ["Alignment:Sync:WriteBatchSize"] = "50" });

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(50, provider.GetRequiredService<IOptions<SyncOptions>>().Value.WriteBatchSize);
        // Jobs are transient (each timer run gets its own); the rules built from the model file are one singleton.
        Assert.NotSame(provider.GetRequiredService<ScoringRunJob>(), provider.GetRequiredService<ScoringRunJob>());
        Assert.NotSame(provider.GetRequiredService<SlaSweepJob>(), provider.GetRequiredService<SlaSweepJob>());
        Assert.NotSame(provider.GetRequiredService<WebhookIntakeJob>(), provider.GetRequiredService<WebhookIntakeJob>());
        Assert.NotSame(provider.GetRequiredService<InboxDrainJob>(), provider.GetRequiredService<InboxDrainJob>());
        Assert.NotSame(provider.GetRequiredService<PlanJob>(), provider.GetRequiredService<PlanJob>());
        Assert.Same(provider.GetRequiredService<AlignmentRules>(), provider.GetRequiredService<AlignmentRules>());
        Assert.Equal(DefaultScoringModel.Value.Version, provider.GetRequiredService<AlignmentRules>().ModelVersion);
    }

    [Fact]
    public void AddAlignmentSync_InvalidModel_RefusesStartListingPaths()
    {
        var json = DefaultScoringModel.Json.Replace("\"fit\": 0.4", "\"fit\": 0.9", StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"alignment-model-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            using var provider = Build(new() { ["Alignment:Sync:ModelPath"] = path });

            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("$.weights", ex.Message, StringComparison.Ordinal);
            Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ScoringRunJob>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddAlignmentSync_MissingModelFile_RefusesStartNamingTheSetting()
    {
        using var provider = Build(new() { ["Alignment:Sync:ModelPath"] = "no/such/scoring.json" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Alignment:Sync:ModelPath", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WriteBatchSize", "0")]
    [InlineData("FullRescoreHourUtc", "24")]
    [InlineData("MaxInboxAttempts", "0")]
    [InlineData("BackoffBase", "00:00:00")]
    [InlineData("InboxBatchSize", "5001")]
    [InlineData("InboxDrainTimeLimit", "00:00:00")]
    [InlineData("InboxDrainTimeLimit", "00:26:00")]
    public void AddAlignmentSync_BadSetting_RefusesStartNamingIt(string setting, string value)
    {
        using var provider = Build(new() { ["Alignment:Sync:ModelPath"] = DefaultScoringModel.FilePath, ["Alignment:Sync:" + setting] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Alignment:Sync:" + setting, ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        var crm = new InMemoryCrm();
        services.AddSingleton<ICrm>(crm);
        services.AddSingleton<IAccountPartitioner>(crm);
        services.AddSingleton<Sync.Partitions.IPartitionLedger, InMemoryPartitionLedger>();
        services.AddSingleton<Sync.Partitions.IPartitionQueue, InMemoryPartitionQueue>();
        services.AddSingleton<ICheckpointStore, InMemoryCheckpointStore>();
        services.AddSingleton<ITierHistoryStore, InMemoryTierHistoryStore>();
        services.AddSingleton<IRunLedger, InMemoryRunLedger>();
        services.AddSingleton<IAlertLedger, InMemoryAlertLedger>();
        services.AddSingleton<IWebhookInbox, InMemoryWebhookInbox>();
        services.AddSingleton<Sync.History.IHandoffHistory, InMemoryHandoffHistory>();
        services.AddSingleton<Sync.History.IWriteLog, InMemoryWriteLog>();
        services.AddSingleton<Sync.Scoreboard.IScoreboardHistory, InMemoryScoreboardHistory>();
        services.AddSingleton<IAlertChannel, RecordingAlertChannel>();
        services.AddSingleton<IWebhookParser>(new TestWebhookParser("test"));
        services.AddAlignmentSync(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
