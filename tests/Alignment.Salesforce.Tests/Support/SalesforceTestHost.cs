using Alignment.Core.Accounts;
using Alignment.Sandbox.Salesforce;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Salesforce.Tests.Support;

/// <summary>An emulator plus a service provider whose <see cref="ICrm"/> talks to it.</summary>
internal sealed class SalesforceTestHost : IAsyncDisposable
{
    private SalesforceTestHost(SalesforceEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        Services = services;
    }

    public SalesforceEmulator Emulator { get; }

    public ServiceProvider Services { get; }

    public ICrm Crm => Services.GetRequiredService<ICrm>();

    public static async Task<SalesforceTestHost> StartAsync(
        IEnumerable<Account> accounts,
        Action<Dictionary<string, string?>>? configure = null,
        SalesforceEmulatorOptions? emulatorOptions = null,
        TimeProvider? timeProvider = null)
    {
        var emulator = await SalesforceEmulator.StartAsync(
            emulatorOptions ?? new SalesforceEmulatorOptions { PublicKeyPem = TestKeys.PublicKeyPem, TimeProvider = timeProvider ?? TimeProvider.System },
            accounts,
            TestContext.Current.CancellationToken);
        var settings = Settings(emulator);
        configure?.Invoke(settings);
        return new SalesforceTestHost(emulator, BuildServices(settings, timeProvider));
    }

    public static Dictionary<string, string?> Settings(SalesforceEmulator emulator) => new()
    {
        ["Alignment:Salesforce:LoginUrl"] = emulator.BaseAddress.ToString(),
        ["Alignment:Salesforce:ClientId"] = emulator.Options.ClientId,
        ["Alignment:Salesforce:Username"] = emulator.Options.Username,
        ["Alignment:Salesforce:PrivateKeyPem"] = TestKeys.PrivateKeyPem,
        ["Alignment:Salesforce:OrganizationId"] = emulator.Options.OrganizationId,
        ["Alignment:Salesforce:RetryBaseDelay"] = "00:00:00.010",
        ["Alignment:Salesforce:Signals:IntentObject:Enabled"] = "true",
    };

    public static ServiceProvider BuildServices(Dictionary<string, string?> settings, TimeProvider? timeProvider = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddSalesforceCrm(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
