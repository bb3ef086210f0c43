using Alignment.Storage.AlertLedger;
using Alignment.Storage.Checkpoints;
using Alignment.Storage.Inbox;
using Alignment.Storage.Runs;
using Alignment.Storage.TierHistory;
using Alignment.Sync.Inbox;
using Alignment.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alignment.Storage.Tests;

public sealed class TableStateServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTableState_ValidSettings_ResolvesEveryPortToItsTableStoreOncePerProcess()
    {
        using var provider = Build(new() { ["Alignment:State:ConnectionString"] = "UseDevelopmentStorage=true" });

        AssertSingle<ICheckpointStore, TableCheckpointStore>(provider);
        AssertSingle<ITierHistoryStore, TableTierHistoryStore>(provider);
        AssertSingle<IAlertLedger, TableAlertLedgerStore>(provider);
        AssertSingle<IWebhookInbox, TableWebhookInboxStore>(provider);
        AssertSingle<IRunLedger, TableRunLedgerStore>(provider);
        Assert.Equal("alignment", provider.GetRequiredService<IOptions<TableStateOptions>>().Value.TablePrefix);
    }

    [Fact]
    public void AddTableState_NoConnection_FailsWithMessageNamingSetting()
    {
        using var provider = Build(new() { ["Alignment:State:TablePrefix"] = "alignment" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TableStateOptions>>().Value);

        Assert.Contains("Alignment:State:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSingle<TPort, TStore>(ServiceProvider provider)
        where TPort : class
        where TStore : class, TPort
    {
        var store = Assert.IsType<TStore>(provider.GetRequiredService<TPort>());
        Assert.Same(store, provider.GetRequiredService<TPort>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddTableState(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
