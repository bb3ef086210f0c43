using Alignment.TestKit.Azurite;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Storage.Tests;

/// <summary>A service provider with <c>AddTableState</c> over the test Azurite and one table prefix: one "instance" of the connector.</summary>
internal sealed class StateHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    /// <param name="policy">When given, every table request of this instance goes through it (to count them).</param>
    public StateHarness(AzuriteFixture azurite, string tablePrefix, HttpPipelinePolicy? policy = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(azurite.Runner.StateSettings(tablePrefix)).Build();
        var services = new ServiceCollection();
        if (policy is not null)
        {
            var options = new TableClientOptions();
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(azurite.Runner.ConnectionString, options));
        }

        _provider = services.AddTableState(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
