namespace Alignment.TestKit.Azurite;

/// <summary>
/// One Azurite per test assembly: <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>, then take
/// <see cref="AzuriteFixture"/> in a test class constructor and use a fresh <see cref="AzuriteRunner.NewTablePrefix"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteRunner? _runner;

    public AzuriteRunner Runner => _runner ?? throw new InvalidOperationException("Azurite has not started (the fixture was not initialized).");

    public string ConnectionString => Runner.ConnectionString;

    public async ValueTask InitializeAsync() => _runner = await AzuriteRunner.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }
    }
}
