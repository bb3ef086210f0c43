namespace Alignment.Hosting.Schedules;

/// <summary>
/// When the timers fire: six-field NCRONTAB expressions in UTC (read by NCrontab, see <see cref="TimerSchedule"/>). The Functions host
/// reads them as <c>%Alignment:Schedules:Score%</c> from the app settings (<c>Alignment__Schedules__Score</c>);
/// <c>alignment serve</c> reads the same settings and falls back to the defaults below.
/// </summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Alignment:Schedules";

    public const string ScoreKey = SectionName + ":" + nameof(Score);
    public const string FullRescoreKey = SectionName + ":" + nameof(FullRescore);
    public const string SweepSlaKey = SectionName + ":" + nameof(SweepSla);
    public const string DrainInboxKey = SectionName + ":" + nameof(DrainInbox);
    public const string CalibrateKey = SectionName + ":" + nameof(Calibrate);
    public const string WeeklyDigestKey = SectionName + ":" + nameof(WeeklyDigest);

    /// <summary>Incremental scoring run (accounts changed since the checkpoint). Default every 15 minutes.</summary>
    public string Score { get; set; } = "0 */15 * * * *";

    /// <summary>Full rescore of every account. Default 02:30 UTC nightly.</summary>
    public string FullRescore { get; set; } = "0 30 2 * * *";

    /// <summary>SLA sweep (statuses, alerts, recycling). Default every 5 minutes.</summary>
    public string SweepSla { get; set; } = "0 */5 * * * *";

    /// <summary>Webhook inbox drain (deliveries due for a retry). Default every minute at second 30.</summary>
    public string DrainInbox { get; set; } = "30 * * * * *";

    /// <summary>Monthly calibration and its Slack summary (docs/calibration.md). Default 07:00 UTC on the 1st.</summary>
    public string Calibrate { get; set; } = "0 0 7 1 * *";

    /// <summary>
    /// The weekly scoreboard digest. Default hourly: the job sends once per week from Monday 08:00 in the team's time
    /// zone (NCRONTAB is UTC; the job handles the zone and DST).
    /// </summary>
    public string WeeklyDigest { get; set; } = "0 5 * * * *";

    /// <summary>Each timer with its setting key and expression, in a fixed order.</summary>
    public IReadOnlyList<(string Name, string Key, string Expression)> All() =>
    [
        (nameof(Score), ScoreKey, Score),
        (nameof(FullRescore), FullRescoreKey, FullRescore),
        (nameof(SweepSla), SweepSlaKey, SweepSla),
        (nameof(DrainInbox), DrainInboxKey, DrainInbox),
        (nameof(Calibrate), CalibrateKey, Calibrate),
        (nameof(WeeklyDigest), WeeklyDigestKey, WeeklyDigest),
    ];
}
