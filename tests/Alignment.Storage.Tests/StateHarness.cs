using Alignment.TestKit.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Storage.Tests;

/// <summary>A service provider with <c>AddTableState</c> over the test Azurite and one table prefix: one "instance" of the connector.</summary>
internal sealed class StateHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public StateHarness(AzuriteFixture azurite, string tablePrefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(azurite.Runner.StateSettings(tablePrefix)).Build();
        _provider = new ServiceCollection().AddTableState(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
