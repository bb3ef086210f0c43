namespace Alignment.Sync.Settings;

/// <summary>
/// Settings of the jobs (section <c>Alignment:Sync</c>), validated on start: each setting's own rule by its data
/// attribute (<see cref="SettingRuleAttribute"/>, checked by the source-generated <see cref="SyncOptionsAnnotationsValidator"/>), the rules across settings
/// and the ones that need code by <see cref="SyncOptionsValidator"/>. Every message names the setting and gives an example.
/// </summary>
public sealed class SyncOptions
{
    public const string SectionName = "Alignment:Sync";

    /// <summary>Account writes handed to the CRM per call of <c>ICrm.WriteAsync</c> (1–2000).</summary>
    [SettingRange(1, 2000, "200")]
    public int WriteBatchSize { get; set; } = 200;

    /// <summary>
    /// Accounts of a full rescore's partition planned at once (500–100000): each batch's writes and follow-ups are staged
    /// on local disk (the system's temporary folder) until the partition's one write, so a worker holds one batch, not
    /// its partition (docs/partitions.md, "A worker's memory").
    /// </summary>
    [SettingRange(500, 100_000, "5000")]
    public int PartitionBatchSize { get; set; } = 5000;

    /// <summary>
    /// Whether the nightly full rescore is fanned out as partitions on a queue (docs/partitions.md) instead of one
    /// process reading every account. Default false; set it for orgs of more than about 100,000 accounts.
    /// </summary>
    public bool PartitionedFullRescore { get; set; }

    /// <summary>Accounts per partition of a partitioned full rescore (1,000–500,000): it bounds a worker's memory. Default 50,000.</summary>
    [SettingRange(1_000, 500_000, "50000")]
    public int PartitionSize { get; set; } = 50_000;

    /// <summary>An open partitioned run older than this is planned anew instead of resumed. Default 20 hours.</summary>
    [PositiveDuration("20:00:00")]
    public TimeSpan PartitionRunMaxAge { get; set; } = TimeSpan.FromHours(20);

    /// <summary>The hour of day (UTC, 0–23) from which the nightly full rescore is due.</summary>
    [SettingRange(0, 23, "2")]
    public int FullRescoreHourUtc { get; set; } = 2;

    /// <summary>How far back signals are read, in days: the model's longest window (engagement: 90).</summary>
    [SettingRange(1, 730, "90")]
    public int SignalLookbackDays { get; set; } = 90;

    /// <summary>Processing attempts of an inbox item before it is parked.</summary>
    [SettingRange(1, 100, "8")]
    public int MaxInboxAttempts { get; set; } = 8;

    /// <summary>
    /// Due inbox items one drain pass takes (1–5000): they are coalesced by account, so a pass reads, scores and writes
    /// each distinct account once, in the CRM's batch sizes.
    /// </summary>
    [SettingRange(1, 5000, "1000")]
    public int InboxBatchSize { get; set; } = 1000;

    /// <summary>
    /// How long one drain invocation goes on taking passes while due items remain (a backlog drains continuously instead
    /// of waiting for the next timer). At most 25 minutes: the Functions timeout in host.json is 30 minutes.
    /// </summary>
    [PositiveDuration("00:04:00", Maximum = "00:25:00", Reason = "headroom under the Functions timeout of host.json")]
    public TimeSpan InboxDrainTimeLimit { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>How long a claimed inbox item is hidden from other instances while it is processed.</summary>
    [PositiveDuration("00:05:00")]
    public TimeSpan InboxLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    [PositiveDuration("00:00:30")]
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts of an alert refused for good before it is marked Failed.</summary>
    [SettingRange(1, 100, "5")]
    public int MaxAlertAttempts { get; set; } = 5;

    /// <summary>An alert left in Sending longer than this is taken to be a crashed send and resolved.</summary>
    [PositiveDuration("00:02:00")]
    public TimeSpan AlertSendingTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Most accounts listed in one run's tier-crossing digest (0–200; 0 turns the digest off). The rest are counted,
    /// so a model change that moves thousands of accounts posts one message, not thousands.
    /// </summary>
    [SettingRange(0, 200, "20")]
    public int MaxTierCrossingsListed { get; set; } = 20;

    /// <summary>
    /// The escalation chain's last step: when true, an owner with a manager escalates to the manager first
    /// (<c>Escalated</c>; a DM when <c>Alignment:Slack:ManagerUserMap</c> maps them) and, still unanswered another
    /// <c>sla.escalateAfterBusinessHours</c> later, to the escalation channel (<c>EscalatedToChannel</c>). False (the
    /// default): one escalation, to the manager's DM when mapped, else the channel.
    /// </summary>
    public bool EscalationChain { get; set; }

    /// <summary>
    /// The monthly calibration's window (30–1095 days): opportunities closed in the last so many days
    /// (docs/calibration.md, "Monthly summary").
    /// </summary>
    [SettingRange(30, 1095, "365")]
    public int CalibrationWindowDays { get; set; } = 365;

    /// <summary>
    /// The team's IANA time zone for the scoreboard's weeks (Monday 00:00 local); empty: the model's default SLA zone
    /// (docs/scoreboard.md).
    /// </summary>
    public string? ScoreboardTimeZone { get; set; }

    /// <summary>Marketing's weekly commitment of handed-off accounts, shown against the week's handoffs; empty: none.</summary>
    [SettingRange(0, 1_000_000, "40", Unit = "handoffs a week")]
    public int? WeeklyHandoffCommitment { get; set; }

    /// <summary>
    /// The scoreboard's view in the CRM — the Alignment Scoreboard dashboard in Salesforce, a HubSpot list — linked from
    /// the weekly digest (an absolute http or https URL); empty: no link.
    /// </summary>
    public Uri? ScoreboardUrl { get; set; }

    /// <summary>The scoring model file, absolute or relative to the working directory or the app's directory.</summary>
    [RequiredSetting("config/scoring.json")]
    public string ModelPath { get; set; } = "config/scoring.json";
}
