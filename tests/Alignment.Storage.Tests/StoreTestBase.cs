using Alignment.TestKit.Azurite;
using Azure.Core.Pipeline;

namespace Alignment.Storage.Tests;

/// <summary>A test class's own table prefix on the shared Azurite, and as many connector "instances" as a test needs.</summary>
public abstract class StoreTestBase(AzuriteFixture azurite, string hint) : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly string _prefix = AzuriteRunner.NewTablePrefix(hint);
    private readonly List<StateHarness> _instances = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The tables' prefix, for a test that reads or writes rows itself.</summary>
    protected string TablePrefix => _prefix;

    /// <summary>The test Azurite's connection string, for a test that reads or writes rows itself.</summary>
    protected string ConnectionString => azurite.ConnectionString;

    /// <summary>A new connector instance (its own service provider and table clients) over the same tables.</summary>
    protected T Instance<T>(HttpPipelinePolicy? policy = null)
        where T : notnull
    {
        var instance = new StateHarness(azurite, _prefix, policy);
        _instances.Add(instance);
        return instance.Get<T>();
    }
}
