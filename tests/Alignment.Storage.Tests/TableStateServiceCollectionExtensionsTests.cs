using Alignment.Sync.Inbox;
using Alignment.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alignment.Storage.Tests;

public sealed class TableStateServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTableState_ValidSettings_ResolvesEveryPort()
    {
        using var provider = Build(new() { ["Alignment:State:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.NotNull(provider.GetRequiredService<ICheckpointStore>());
        Assert.NotNull(provider.GetRequiredService<ITierHistoryStore>());
        Assert.NotNull(provider.GetRequiredService<IAlertLedger>());
        Assert.NotNull(provider.GetRequiredService<IWebhookInbox>());
        Assert.NotNull(provider.GetRequiredService<IRunLedger>());
        Assert.Equal("alignment", provider.GetRequiredService<IOptions<TableStateOptions>>().Value.TablePrefix);
    }

    [Fact]
    public void AddTableState_NoConnection_FailsWithMessageNamingSetting()
    {
        using var provider = Build(new() { ["Alignment:State:TablePrefix"] = "alignment" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TableStateOptions>>().Value);

        Assert.Contains("Alignment:State:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddTableState(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
