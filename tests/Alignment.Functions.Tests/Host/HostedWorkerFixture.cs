using Alignment.Core.Accounts;
using Alignment.Hosting;
using Alignment.Sandbox.HubSpot;
using Alignment.Sandbox.Slack;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Functions.Tests.Host;

/// <summary>
/// The deployed artefact's surroundings on loopback — a real Azurite, the HubSpot emulator seeded with
/// <see cref="WorkerSeeds"/> and the Slack sink — and one built worker process started, initialized and with every
/// function loaded by the test host. The tests read what lands through the connector's own storage adapter.
/// </summary>
public sealed class HostedWorkerFixture : IAsyncLifetime
{
    public const string HubSpotToken = "pat-worker-0000";
    public const string HubSpotSecret = "worker-hubspot-client-secret";
    public const string AlertChannel = "C0ALIGNSLA";
    public const string EscalationChannel = "C0REVOPS01";

    private AzuriteRunner? _azurite;
    private SlackSink? _slack;
    private ServiceProvider? _connector;
    private WorkerSession? _session;
    private HubSpotEmulator? _hubSpot;

    /// <summary>When the seeds were dated (whole seconds, UTC).</summary>
    public DateTimeOffset SeededAt { get; private set; }

    /// <summary>The seeds as given to the emulator (their ids are the seed ids; see <see cref="CompanyOf"/>).</summary>
    public IReadOnlyList<Account> Seeds { get; private set; } = [];

    public HubSpotEmulator HubSpot => _hubSpot ?? throw new InvalidOperationException("The HubSpot emulator has not started.");

    /// <summary>The app settings the worker runs with (<c>Alignment:...</c> keys).</summary>
    public IReadOnlyDictionary<string, string?> AppSettings { get; private set; } = new Dictionary<string, string?>();

    internal WorkerSession Worker => _session ?? throw new InvalidOperationException("The worker has not started.");

    /// <summary>The inbox in Azurite, read through the connector's Table Storage adapter (not through the worker).</summary>
    internal IWebhookInbox Inbox => (_connector ?? throw new InvalidOperationException("Not started.")).GetRequiredService<IWebhookInbox>();

    /// <summary>The seed under the id HubSpot gave its company.</summary>
    public Account CompanyOf(Account seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return seed with { Id = HubSpot.CompanyIdOf(seed.Id) };
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        try
        {
            var now = TimeProvider.System.GetUtcNow();
            SeededAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            Seeds = [WorkerSeeds.Hot(SeededAt), WorkerSeeds.Cold(SeededAt), WorkerSeeds.Locked(SeededAt)];
            _azurite = await AzuriteRunner.StartAsync(ct);
            _slack = await SlackSink.StartAsync(
                new SlackSinkOptions { Channels = new HashSet<string>(StringComparer.Ordinal) { AlertChannel, EscalationChannel } },
                ct);
            _hubSpot = await HubSpotEmulator.StartAsync(new HubSpotEmulatorOptions { AccessToken = HubSpotToken }, Seeds, ct);
            AppSettings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["AzureWebJobsStorage"] = _azurite.ConnectionString,
                ["Alignment:Crm"] = "HubSpot",
                ["Alignment:State:ConnectionString"] = _azurite.ConnectionString,
                ["Alignment:State:TablePrefix"] = AzuriteRunner.NewTablePrefix("worker"),
                ["Alignment:HubSpot:BaseUrl"] = HubSpot.BaseAddress.ToString(),
                ["Alignment:HubSpot:AccessToken"] = HubSpotToken,
                ["Alignment:HubSpot:ClientSecret"] = HubSpotSecret,
                ["Alignment:HubSpot:RetryBaseDelay"] = "00:00:00.200",
                ["Alignment:HubSpot:DefaultOwnerTimeZone"] = "America/New_York",
                ["Alignment:Slack:Mode"] = "Bot",
                ["Alignment:Slack:BotToken"] = _slack.BotToken,
                ["Alignment:Slack:ApiBaseUrl"] = _slack.ApiBaseAddress.ToString(),
                ["Alignment:Slack:Channel"] = AlertChannel,
                ["Alignment:Slack:EscalationChannel"] = EscalationChannel,
            };

            // The test's own view of the same tables; the worker finds config/scoring.json in its own folder.
            var testSide = new Dictionary<string, string?>(AppSettings, StringComparer.OrdinalIgnoreCase) { ["Alignment:Sync:ModelPath"] = DefaultScoringModel.FilePath };
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddAlignment(new ConfigurationBuilder().AddInMemoryCollection(testSide).Build());
            _connector = services.BuildServiceProvider();

            _session = await WorkerSession.StartAsync(AppSettings, ct);
            await _session.StartFunctionsAsync(ct);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The worker first: it must never outlive the run, whatever else fails to stop.
        try
        {
            if (_session is not null)
            {
                await _session.DisposeAsync();
                _session = null;
            }
        }
        finally
        {
            if (_connector is not null)
            {
                await _connector.DisposeAsync();
                _connector = null;
            }

            if (_hubSpot is not null)
            {
                await _hubSpot.DisposeAsync();
                _hubSpot = null;
            }

            if (_slack is not null)
            {
                await _slack.DisposeAsync();
                _slack = null;
            }

            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
                _azurite = null;
            }
        }
    }
}
