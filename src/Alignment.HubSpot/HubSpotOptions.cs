using Alignment.HubSpot.Crm;
using Alignment.Sync.Settings;

namespace Alignment.HubSpot;

/// <summary>Settings of the HubSpot adapter (section <c>Alignment:HubSpot</c>). Validated on start.</summary>
public sealed class HubSpotOptions
{
    public const string SectionName = "Alignment:HubSpot";

    /// <summary>API host; <c>https://api.hubapi.com</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.hubapi.com/");

    /// <summary>
    /// Path version: a date version (<c>2026-03</c> → <c>/crm/objects/2026-03/companies</c>) or a numbered one
    /// (<c>v3</c> → <c>/crm/v3/objects/companies</c>, associations then on <c>/crm/v4</c>).
    /// </summary>
    public string ApiVersion { get; set; } = "2026-03";

    /// <summary>Path version of the owners API when it differs from <see cref="ApiVersion"/> (e.g. <c>v3</c>); null = the same.</summary>
    public string? OwnersApiVersion { get; set; }

    /// <summary>Private-app (or service key) access token, sent as <c>Authorization: Bearer</c>. A secret: never logged.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The app's client secret, which signs webhook deliveries. A secret: never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The app id (informational; webhook subscriptions are configured in the app).</summary>
    public long? AppId { get; set; }

    /// <summary>The portal (hub) id, used to build record links for alerts; null = no links.</summary>
    public long? PortalId { get; set; }

    /// <summary>
    /// Company property names by connector field (keys are <c>AlignmentField</c> names, e.g. <c>Score</c>); a field not
    /// listed keeps its default (<c>alignment_score</c>, ...).
    /// </summary>
    public Dictionary<string, string> Properties { get; set; } = [];

    /// <summary>How engagement records become signals.</summary>
    public HubSpotSignalMappingOptions Mapping { get; set; } = new();

    /// <summary>Largest share (0..1] of the portal's daily API limit this connector may have seen used before it stops a run.</summary>
    public double MaxDailyApiShare { get; set; } = 0.5;

    /// <summary>Search requests per second (HubSpot allows 5 per account; stay below).</summary>
    public double SearchRequestsPerSecond { get; set; } = 4;

    /// <summary>Requests of the ten-second burst budget to leave unused (for other apps on the account).</summary>
    public int BurstReserve { get; set; } = 5;

    /// <summary>Burst budget assumed until HubSpot's headers say otherwise (requests per <see cref="BurstIntervalMilliseconds"/>).</summary>
    public int BurstLimit { get; set; } = 100;

    [SettingMinimum(100, "10000")]
    public int BurstIntervalMilliseconds { get; set; } = 10_000;

    /// <summary>The search endpoint's total-results cap (10,000); the reader partitions by <c>hs_object_id</c> before it.</summary>
    [SettingMinimum(400, "10000")]
    public int SearchResultCap { get; set; } = 10_000;

    /// <summary>Retries of a throttled (429 ten-secondly) or failed (5xx, network) call. Validation errors are never retried.</summary>
    [SettingRange(0, 10, "4")]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Back-off base when HubSpot gives no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Webhook signature versions accepted: <c>v3</c> (default), and <c>v1</c>/<c>v2</c> for legacy apps.</summary>
    public List<string> WebhookSignatureVersions { get; set; } = ["v3"];

    /// <summary>Largest distance of a v3 webhook timestamp from now, either way (old or in the future): five minutes.</summary>
    public TimeSpan WebhookMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>IANA time zone given to owners (HubSpot's owners API has none); null = the SLA calendar's default.</summary>
    public string? DefaultOwnerTimeZone { get; set; }

    /// <summary>
    /// IANA time zone per HubSpot owner id (<c>OwnerTimeZones:{ownerId}</c> = <c>Europe/Berlin</c>); an owner not listed
    /// gets <see cref="DefaultOwnerTimeZone"/>. HubSpot's owners API has no time zone, so the SLA calendar needs this.
    /// </summary>
    public Dictionary<string, string> OwnerTimeZones { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The manager's HubSpot owner id per owner id (<c>OwnerManagers:{ownerId}</c> = manager's owner id), for escalations.</summary>
    public Dictionary<string, string> OwnerManagers { get; set; } = new(StringComparer.Ordinal);

    internal HubSpotPropertyMap PropertyMap() => new(Properties);
}
