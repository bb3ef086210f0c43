using Alignment.Sync.Settings;
namespace Alignment.Salesforce.Configuration;

/// <summary>Settings of the Salesforce adapter (section <c>Alignment:Salesforce</c>), validated on start.</summary>
public sealed class SalesforceOptions
{
    public const string SectionName = "Alignment:Salesforce";

    /// <summary>Token endpoint host: <c>https://login.salesforce.com</c>, <c>https://test.salesforce.com</c> or the My Domain URL.</summary>
    public Uri? LoginUrl { get; set; } = new("https://login.salesforce.com");

    /// <summary>Overrides the <c>instance_url</c> of the token response; normally left empty.</summary>
    public Uri? InstanceUrl { get; set; }

    /// <summary>REST API version segment, e.g. <c>v62.0</c>.</summary>
    public string ApiVersion { get; set; } = "v62.0";

    public SalesforceAuthFlow AuthFlow { get; set; } = SalesforceAuthFlow.JwtBearer;

    /// <summary>Consumer key of the Connected App / External Client App.</summary>
    public string? ClientId { get; set; }

    /// <summary>Username of the integration user (JWT bearer flow).</summary>
    public string? Username { get; set; }

    /// <summary>PEM of the RSA private key whose certificate is uploaded to the app (JWT bearer flow).</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>Consumer secret (client-credentials flow).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The org id (<c>00D…</c>, 15 or 18 characters) Outbound Messages must carry.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>Shared secret of the HMAC-SHA256 signature on Flow HTTP callouts; empty refuses Flow callouts.</summary>
    public string? FlowSecret { get; set; }

    /// <summary>API names of the Account fields the adapter reads and writes.</summary>
    public SalesforceFieldMap Fields { get; set; } = new();

    /// <summary>How Task, Event, CampaignMember and the intent object become signals.</summary>
    public SalesforceSignalMapping Signals { get; set; } = new();

    /// <summary>Stop (budget exhausted) before this share (0..1] of the daily API allocation is used. Default 0.8.</summary>
    public double MaxDailyApiShare { get; set; } = 0.8;

    /// <summary>Query batch size asked with <c>Sforce-Query-Options</c> (200..2000). Default 2000.</summary>
    [SettingRange(200, 2000, "2000")]
    public int PageSize { get; set; } = 2000;

    /// <summary>Records per sObject Collections call (1..200). Default 200.</summary>
    [SettingRange(1, 200, "200")]
    public int WriteBatchSize { get; set; } = 200;

    /// <summary>Attempts per record when Salesforce answers a transient per-record error (UNABLE_TO_LOCK_ROW). Default 3.</summary>
    [SettingRange(1, 10, "3")]
    public int MaxWriteAttempts { get; set; } = 3;

    /// <summary>Ids per <c>IN (…)</c> list, keeping the GET URL under Salesforce's 16 KB limit. Default 300.</summary>
    [SettingRange(1, 700, "300")]
    public int IdChunkSize { get; set; } = 300;

    /// <summary>
    /// Ids per <c>IN (…)</c> list when reading named accounts (the webhook inbox's batched rescore), 1..2000. Default
    /// 2000, fewer when the statement would pass SOQL's 100,000-character limit; a query too long for a GET URI is sent
    /// in a Composite request body (one API call either way).
    /// </summary>
    [SettingRange(1, 2000, "2000")]
    public int NamedIdChunkSize { get; set; } = 2000;

    /// <summary>Salesforce's token response has no <c>expires_in</c>: a token is reused for this long (or until a 401). Default 30 min.</summary>
    [PositiveDuration("00:30:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Retries of a whole call on 5xx / 408 / network failure (exponential back-off with jitter). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay of call and record retries. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Records above which a partition is read, and a batch of writes is written, through Bulk API 2.0 instead of the
    /// REST API (Salesforce's guidance: Bulk above about 2,000 records). Default 2000.
    /// </summary>
    [SettingMinimum(1, "2000")]
    public int BulkThreshold { get; set; } = 2000;

    /// <summary>
    /// Accounts held at once while a range is read through Bulk API 2.0: its rows are spilled to local files in
    /// buckets of about this many accounts, read back a bucket at a time (docs/partitions.md, "A worker's memory"),
    /// in a folder of the system's temporary folder (<c>TMPDIR</c>) deleted once read. Default 5000.
    /// </summary>
    [SettingRange(1, 1_000_000, "5000")]
    public int BulkBucketSize { get; set; } = 5000;

    /// <summary><c>maxRecords</c> of a Bulk query results page (1..1,000,000): fewer calls when larger; rows are streamed either way. Default 250,000.</summary>
    [SettingRange(1, 1_000_000, "250000")]
    public int BulkResultsPageSize { get; set; } = 250_000;

    /// <summary>First wait between status reads of a Bulk job; doubles up to <see cref="BulkPollMaxInterval"/>. Default 2 s.</summary>
    public TimeSpan BulkPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between status reads of a Bulk job. Default 30 s.</summary>
    public TimeSpan BulkPollMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a run waits for one Bulk job before giving up on it (the job itself keeps running). Default 30 min.</summary>
    [PositiveDuration("00:30:00")]
    public TimeSpan BulkJobTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Timeout of one HTTP attempt. Default 2 min (SOQL can be slow).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
