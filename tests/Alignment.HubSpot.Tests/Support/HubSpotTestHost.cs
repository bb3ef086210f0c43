using System.Collections.Concurrent;
using Alignment.Core.Accounts;
using Alignment.HubSpot.Crm;
using Alignment.HubSpot.Http;
using Alignment.HubSpot.Setup;
using Alignment.Sandbox.HubSpot;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Alignment.HubSpot.Tests.Support;

/// <summary>An emulator plus the adapter composed by <c>AddHubSpotCrm</c> against it, with every request recorded.</summary>
public sealed class HubSpotTestHost : IAsyncDisposable
{
    public const string Token = "pat-test-token";

    private readonly ServiceProvider _provider;

    private HubSpotTestHost(HubSpotEmulator emulator, ServiceProvider provider, ConcurrentQueue<RecordedRequest> requests)
    {
        Emulator = emulator;
        _provider = provider;
        Requests = requests;
    }

    public HubSpotEmulator Emulator { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; }

    /// <summary>Every log record written by the adapter and the HTTP client, Trace level included.</summary>
    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public ICrm Crm => _provider.GetRequiredService<ICrm>();

    public Sync.Calibration.IOutcomeReader OutcomeReader => _provider.GetRequiredService<Sync.Calibration.IOutcomeReader>();

    public HubSpotPortalSetup Setup => _provider.GetRequiredService<HubSpotPortalSetup>();

    /// <summary>The HubSpot webhook parser as registered (client secret <c>secret</c>).</summary>
    public IWebhookParser Parser => Assert.Single(_provider.GetServices<IWebhookParser>());

    internal HubSpotRateGate Gate => _provider.GetRequiredService<HubSpotRateGate>();

    public IAccountPartitioner Partitioner => _provider.GetRequiredService<IAccountPartitioner>();

    public static async Task<HubSpotTestHost> StartAsync(
        IEnumerable<Account> accounts,
        Action<HubSpotEmulatorOptions>? emulator = null,
        IDictionary<string, string?>? settings = null)
    {
        var emulatorOptions = new HubSpotEmulatorOptions { AccessToken = Token };
        emulator?.Invoke(emulatorOptions);
        var started = await HubSpotEmulator.StartAsync(emulatorOptions, accounts, TestContext.Current.CancellationToken);
        var values = new Dictionary<string, string?>
        {
            ["Alignment:HubSpot:BaseUrl"] = started.BaseAddress.ToString(),
            ["Alignment:HubSpot:AccessToken"] = Token,
            ["Alignment:HubSpot:ClientSecret"] = "secret",
            ["Alignment:HubSpot:RetryBaseDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var requests = new ConcurrentQueue<RecordedRequest>();
        var services = new ServiceCollection();
        services.AddFakeLogging().AddLogging(l => l.SetMinimumLevel(LogLevel.Trace));
        services.AddHubSpotCrm(configuration);
        services.AddHttpClient(HubSpotClient.HttpClientName).AddHttpMessageHandler(() => new RecordingHandler(requests));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new HubSpotTestHost(started, provider, requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
