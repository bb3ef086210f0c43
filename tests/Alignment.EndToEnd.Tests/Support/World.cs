using System.Security.Cryptography;
using Alignment.Core.Accounts;
using Alignment.Hosting;
using Alignment.Sandbox.HubSpot;
using Alignment.Sandbox.Salesforce;
using Alignment.Sandbox.Slack;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Alignment.Sync.Scoring;
using Alignment.Sync.Sla;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>
/// The connector's surroundings on loopback, on one <see cref="FakeTimeProvider"/>: a CRM emulator (Salesforce or
/// HubSpot) seeded with a snapshot, the Slack sink and fresh tables on the shared Azurite. <see cref="NewProcess"/>
/// composes the connector with <c>AddAlignment</c> as a host would; calling it again stands for a restarted process over
/// the same tables and CRM.
/// </summary>
internal sealed class World : IAsyncDisposable
{
    public const string AlertChannel = "C0ALIGNSLA";
    public const string EscalationChannel = "C0REVOPS01";
    public const string OwnerEmail = "ae@example.com";
    public const string OwnerSlackId = "U0OWNER001";
    public const string HubSpotToken = "pat-e2e-0000";
    public const string HubSpotSecret = "e2e-hubspot-client-secret";
    public const string FlowSecret = "e2e-flow-secret";

    private readonly List<ServiceProvider> _processes = [];
    private readonly Dictionary<string, string?> _settings;

    private World(FakeTimeProvider time, SlackSink slack, SalesforceEmulator? salesforce, HubSpotEmulator? hubSpot, Dictionary<string, string?> settings)
    {
        Time = time;
        Slack = slack;
        Salesforce = salesforce;
        HubSpot = hubSpot;
        _settings = settings;
    }

    public FakeTimeProvider Time { get; }

    public SlackSink Slack { get; }

    public SalesforceEmulator? Salesforce { get; }

    public HubSpotEmulator? HubSpot { get; }

    public static Task<World> StartSalesforceAsync(AzuriteFixture azurite, DateTimeOffset now, IEnumerable<Account> accounts) =>
        StartAsync(azurite, now, accounts, CrmKind.Salesforce);

    public static Task<World> StartHubSpotAsync(AzuriteFixture azurite, DateTimeOffset now, IEnumerable<Account> accounts) =>
        StartAsync(azurite, now, accounts, CrmKind.HubSpot);

    private static async Task<World> StartAsync(AzuriteFixture azurite, DateTimeOffset now, IEnumerable<Account> accounts, CrmKind crm)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var cancellationToken = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(now);
        var slack = await SlackSink.StartAsync(
            new SlackSinkOptions
            {
                Users = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [OwnerEmail] = OwnerSlackId },
                Channels = new HashSet<string>(StringComparer.Ordinal) { AlertChannel, EscalationChannel },
                TimeProvider = time,
            },
            cancellationToken);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Alignment:Crm"] = crm.ToString(),
            ["Alignment:Sync:ModelPath"] = DefaultScoringModel.FilePath,
            ["Alignment:State:ConnectionString"] = azurite.ConnectionString,
            ["Alignment:State:TablePrefix"] = AzuriteRunner.NewTablePrefix("e2e"),
            ["Alignment:Slack:Mode"] = "Bot",
            ["Alignment:Slack:BotToken"] = slack.BotToken,
            ["Alignment:Slack:ApiBaseUrl"] = slack.ApiBaseAddress.ToString(),
            ["Alignment:Slack:Channel"] = AlertChannel,
            ["Alignment:Slack:EscalationChannel"] = EscalationChannel,
        };

        try
        {
            if (crm == CrmKind.Salesforce)
            {
                using var rsa = RSA.Create(2048);
                var emulator = await SalesforceEmulator.StartAsync(
                    new SalesforceEmulatorOptions { PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem(), TimeProvider = time, SeededAt = now.AddDays(-1) },
                    accounts,
                    cancellationToken);
                settings["Alignment:Salesforce:LoginUrl"] = emulator.BaseAddress.ToString();
                settings["Alignment:Salesforce:ClientId"] = emulator.Options.ClientId;
                settings["Alignment:Salesforce:Username"] = emulator.Options.Username;
                settings["Alignment:Salesforce:PrivateKeyPem"] = rsa.ExportPkcs8PrivateKeyPem();
                settings["Alignment:Salesforce:OrganizationId"] = emulator.Options.OrganizationId;
                settings["Alignment:Salesforce:FlowSecret"] = FlowSecret;
                settings["Alignment:Salesforce:RetryBaseDelay"] = "00:00:00.200";
                settings["Alignment:Salesforce:AttemptTimeout"] = "00:10:00";
                return new World(time, slack, emulator, null, settings);
            }

            var hubSpot = await HubSpotEmulator.StartAsync(new HubSpotEmulatorOptions { AccessToken = HubSpotToken, Time = time }, accounts, cancellationToken);
            settings["Alignment:HubSpot:BaseUrl"] = hubSpot.BaseAddress.ToString();
            settings["Alignment:HubSpot:AccessToken"] = HubSpotToken;
            settings["Alignment:HubSpot:ClientSecret"] = HubSpotSecret;
            settings["Alignment:HubSpot:RetryBaseDelay"] = "00:00:00.200";
            settings["Alignment:HubSpot:DefaultOwnerTimeZone"] = "America/New_York";
            return new World(time, slack, null, hubSpot, settings);
        }
        catch
        {
            await slack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sets (or with null, removes) a connector setting for processes started from now on.</summary>
    public void Set(string key, string? value) => _settings[key] = value;

    /// <summary>A fresh connector process: <c>AddAlignment</c> over the world's settings; <paramref name="configure"/> runs after it (e.g. to wrap a port).</summary>
    public ServiceProvider NewProcess(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddAlignment(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _processes.Add(provider);
        return provider;
    }

    public Task<ScoringRunResult> ScoreAsync(IServiceProvider process, bool full = false) =>
        ClockPump.RunAsync(Time, () => process.GetRequiredService<ScoringRunJob>().RunAsync(new ScoringRunRequest(full), TestContext.Current.CancellationToken));

    public Task<SlaSweepResult> SweepAsync(IServiceProvider process) =>
        ClockPump.RunAsync(Time, () => process.GetRequiredService<SlaSweepJob>().RunAsync(TestContext.Current.CancellationToken));

    public Task<InboxDrainResult> DrainAsync(IServiceProvider process) =>
        ClockPump.RunAsync(Time, () => process.GetRequiredService<InboxDrainJob>().RunAsync(TestContext.Current.CancellationToken));

    /// <summary>Moves the clock to <paramref name="instant"/> (never backwards).</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > Time.GetUtcNow())
        {
            Time.SetUtcNow(instant);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (HubSpot is not null)
        {
            await HubSpot.DisposeAsync();
        }

        if (Salesforce is not null)
        {
            await Salesforce.DisposeAsync();
        }

        await Slack.DisposeAsync();
    }
}
