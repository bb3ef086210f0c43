using System.Globalization;
using System.Security.Cryptography;
using Alignment.Core.Accounts;
using Alignment.Hosting;
using Alignment.Sandbox.Azurite;
using Alignment.Sandbox.Generation;
using Alignment.Sandbox.HubSpot;
using Alignment.Sandbox.Salesforce;
using Alignment.Sandbox.Slack;
using Alignment.Sync.Crm;

namespace Alignment.Cli.Sandbox;

/// <summary>
/// A local stand-in for the cloud: the Salesforce and/or HubSpot emulators seeded with a generated org, the Slack sink
/// and Azurite, all on loopback; <see cref="ConnectorSettings"/> points the connector at them. Disposing stops all of
/// them (Azurite keeps nothing on disk).
/// </summary>
internal sealed class SandboxEnvironment : IAsyncDisposable
{
    public const string AlertChannel = "C0ALIGNSLA";
    public const string EscalationChannel = "C0REVOPS01";
    public const string HubSpotAccessToken = "pat-sandbox-0000";
    public const string HubSpotClientSecret = "sandbox-hubspot-client-secret";
    public const string SalesforceFlowSecret = "sandbox-flow-secret";

    private readonly string _privateKeyPem;

    private SandboxEnvironment(GeneratedOrg org, string privateKeyPem)
    {
        Org = org;
        this._privateKeyPem = privateKeyPem;
    }

    public GeneratedOrg Org { get; }

    public SalesforceEmulator? Salesforce { get; private set; }

    public HubSpotEmulator? HubSpot { get; private set; }

    public SlackSink Slack { get; private set; } = null!;

    public AzuriteProcess? Azurite { get; private set; }

    /// <summary>Slack user ids of the generated owners (e-mail → U…), as the sink's workspace knows them.</summary>
    public IReadOnlyDictionary<string, string> SlackUsers { get; private set; } = new Dictionary<string, string>();

    public static async Task<SandboxEnvironment> StartAsync(SandboxOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var org = OrgGenerator.Generate(new OrgGeneratorOptions { Seed = options.Seed, AccountCount = options.AccountCount }, options.Time.GetUtcNow());
        using var rsa = RSA.Create(2048);
        var sandbox = new SandboxEnvironment(org, rsa.ExportPkcs8PrivateKeyPem());
        try
        {
            if (options.Azurite)
            {
                var root = options.RepoRoot ?? RepositoryRoot.Find()
                    ?? throw new AzuriteNotInstalledException("Run alignment from the clone (tools/azurite is needed for local storage).");
                await AzuriteInstaller.EnsureInstalledAsync(root, progress, cancellationToken).ConfigureAwait(false);
                progress?.Report("Starting Azurite (Table service, in memory)...");
                sandbox.Azurite = await AzuriteProcess.StartAsync(root, 0, cancellationToken).ConfigureAwait(false);
            }

            var users = SlackUserIds(org.Owners);
            sandbox.SlackUsers = users;
            progress?.Report("Starting the Slack sink...");
            sandbox.Slack = await SlackSink.StartAsync(
                new SlackSinkOptions
                {
                    Users = new Dictionary<string, string>(users, StringComparer.OrdinalIgnoreCase),
                    Channels = new HashSet<string>(StringComparer.Ordinal) { AlertChannel, EscalationChannel },
                    TimeProvider = options.Time,
                },
                cancellationToken).ConfigureAwait(false);

            if (options.Crms.Contains(CrmKind.Salesforce))
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Starting the Salesforce emulator with {org.Accounts.Count} accounts..."));
                sandbox.Salesforce = await SalesforceEmulator.StartAsync(
                    new SalesforceEmulatorOptions { PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem(), TimeProvider = options.Time },
                    org.Accounts,
                    cancellationToken).ConfigureAwait(false);

                // Closed-won and closed-lost opportunities for `alignment calibrate` (a separate seeded sequence: the
                // accounts, and so the demo's report, are the same as without them).
                sandbox.Salesforce.AddOpportunities(OpportunityGenerator.Generate(org, options.Seed));
            }

            if (options.Crms.Contains(CrmKind.HubSpot))
            {
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Starting the HubSpot emulator with {org.Accounts.Count} companies..."));
                sandbox.HubSpot = await HubSpotEmulator.StartAsync(
                    new HubSpotEmulatorOptions { AccessToken = HubSpotAccessToken, Time = options.Time },
                    org.Accounts,
                    cancellationToken).ConfigureAwait(false);

                // Deals won and lost (and open) as the Salesforce sandbox's opportunities, for calibration and conversion.
                sandbox.HubSpot.AddDeals(OpportunityGenerator.Generate(org, options.Seed));
            }

            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>One Slack user id per distinct owner e-mail (case-insensitive, first owner wins), numbered in owner order.</summary>
    internal static Dictionary<string, string> SlackUserIds(IEnumerable<Owner> owners)
    {
        var users = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var owner in owners)
        {
            if (owner.Email is { Length: > 0 } email && !users.ContainsKey(email))
            {
                users[email] = string.Create(CultureInfo.InvariantCulture, $"U0SANDBOX{users.Count:D2}");
            }
        }

        return users;
    }

    /// <summary>The settings that point the connector at this sandbox, with <paramref name="crm"/> as the master CRM.</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings(CrmKind crm)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Alignment:Crm"] = crm.ToString(),
            ["Alignment:Slack:Mode"] = "Bot",
            ["Alignment:Slack:BotToken"] = Slack.BotToken,
            ["Alignment:Slack:ApiBaseUrl"] = Slack.ApiBaseAddress.ToString(),
            ["Alignment:Slack:Channel"] = AlertChannel,
            ["Alignment:Slack:EscalationChannel"] = EscalationChannel,
        };
        if (Azurite is not null)
        {
            settings["Alignment:State:ConnectionString"] = Azurite.ConnectionString;
        }

        if (crm == CrmKind.Salesforce)
        {
            var salesforce = Salesforce ?? throw new InvalidOperationException("The Salesforce emulator is not running.");
            settings["Alignment:Salesforce:LoginUrl"] = salesforce.BaseAddress.ToString();
            settings["Alignment:Salesforce:ClientId"] = salesforce.Options.ClientId;
            settings["Alignment:Salesforce:Username"] = salesforce.Options.Username;
            settings["Alignment:Salesforce:PrivateKeyPem"] = _privateKeyPem;
            settings["Alignment:Salesforce:OrganizationId"] = salesforce.Options.OrganizationId;
            settings["Alignment:Salesforce:FlowSecret"] = SalesforceFlowSecret;
        }
        else
        {
            var hubSpot = HubSpot ?? throw new InvalidOperationException("The HubSpot emulator is not running.");
            settings["Alignment:HubSpot:BaseUrl"] = hubSpot.BaseAddress.ToString();
            settings["Alignment:HubSpot:AccessToken"] = HubSpotAccessToken;
            settings["Alignment:HubSpot:ClientSecret"] = HubSpotClientSecret;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (HubSpot is not null)
        {
            await HubSpot.DisposeAsync().ConfigureAwait(false);
        }

        if (Salesforce is not null)
        {
            await Salesforce.DisposeAsync().ConfigureAwait(false);
        }

        if (Slack is not null)
        {
            await Slack.DisposeAsync().ConfigureAwait(false);
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync().ConfigureAwait(false);
        }
    }
}
