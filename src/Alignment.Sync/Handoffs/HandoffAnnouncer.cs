using System.Globalization;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Handoffs;

/// <summary>
/// The scoring run's announcement phase (docs/storage-and-slack.md, "Handoff DMs and tier crossings"): records a
/// <see cref="AlertLevel.Handoff"/> DM for each handoff the CRM accepted, and one capped
/// <see cref="AlertLevel.TierCrossings"/> digest per run, in the alert ledger <em>before</em> anything is sent, then
/// delivers them through <see cref="AlertDelivery"/> — the SLA alerts' once-only mechanism: a key already in the ledger
/// is not recorded again, so a rerun, a restart or a second instance never sends a DM twice.
/// </summary>
public sealed partial class HandoffAnnouncer(
    IAlertLedger ledger,
    AlertDelivery delivery,
    IOptions<SyncOptions> options,
    ILogger<HandoffAnnouncer> logger)
{
    private readonly SyncOptions _settings = options.Value;

    /// <summary>The DM's key: <c>handoff|{accountId}|{handoffAt UTC, whole seconds}</c> (one per handoff).</summary>
    public static string HandoffKey(string accountId, DateTimeOffset handoffAt) =>
        string.Create(CultureInfo.InvariantCulture, $"handoff|{accountId}|{handoffAt.UtcDateTime.AddTicks(-(handoffAt.UtcTicks % TimeSpan.TicksPerSecond)):yyyy-MM-ddTHH:mm:ssZ}");

    /// <summary>The digest's key: <c>tiers|{runId}</c> (one per run).</summary>
    public static string CrossingsKey(string runId) => "tiers|" + runId;

    /// <summary>The reported tier crossing of a written plan; null when its tier did not cross upward.</summary>
    public static TierCrossing? CrossingOf(AccountPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var from = plan.Source.Account.Current.Tier;
        var to = plan.Evaluation.Tier;
        return plan.Write is not null && !plan.Source.Account.Current.TierLocked && TierCrossing.IsReported(from, to)
            ? new TierCrossing(plan.AccountId, plan.Source.Account.Name, plan.Source.Url, from, to, plan.Evaluation.Score)
            : null;
    }

    /// <summary>The owner's DM of a plan's new handoff; null when it decided none.</summary>
    public static Alert? AlertOf(AccountPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Handoff is not { } handoff)
        {
            return null;
        }

        var account = plan.Source.Account;
        return new Alert
        {
            Key = HandoffKey(account.Id, handoff.At),
            Level = AlertLevel.Handoff,
            AccountId = account.Id,
            AccountName = account.Name,
            AccountUrl = plan.Source.Url,
            Tier = handoff.Tier,
            Score = plan.Evaluation.Score,
            Reasons = plan.Wanted.Reasons,
            HandoffRule = handoff.Rule,
            HandoffAt = handoff.At,
            SlaDue = handoff.SlaDue,
            Owner = account.Owner,
        };
    }

    /// <summary>Records the DM of each handoff the CRM accepted (<see cref="AlertOf"/>); returns how many were new.</summary>
    public async Task<int> RecordHandoffsAsync(IEnumerable<Alert> alerts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var created = 0;
        foreach (var alert in alerts)
        {
            if (await ledger.TryCreateAsync(new AlertLedgerEntry { Alert = alert, State = AlertLedgerState.Pending, CreatedAt = now }, cancellationToken).ConfigureAwait(false) is not null)
            {
                created++;
                LogHandoffDue(logger, alert.AccountId, alert.HandoffRule);
            }
        }

        return created;
    }

    /// <summary>
    /// Records the run's tier-crossing digest (when there is any crossing and the digest is on): hottest first, at most
    /// <see cref="SyncOptions.MaxTierCrossingsListed"/> listed (the tally keeps those), the rest counted. Returns whether a
    /// digest was recorded.
    /// </summary>
    public async Task<bool> RecordCrossingsAsync(string runId, TierCrossingTally crossings, DateTimeOffset runStart, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(crossings);
        if (crossings.Count == 0 || _settings.MaxTierCrossingsListed == 0)
        {
            return false;
        }

        var listed = crossings.Listed;
        var alert = new Alert
        {
            Key = CrossingsKey(runId),
            Level = AlertLevel.TierCrossings,
            AccountId = runId,
            HandoffRule = "tier-crossings",
            HandoffAt = runStart,
            SlaDue = runStart,
            Crossings = listed,
            CrossingsOmitted = crossings.Count - listed.Count,
        };
        var created = await ledger.TryCreateAsync(new AlertLedgerEntry { Alert = alert, State = AlertLedgerState.Pending, CreatedAt = runStart }, cancellationToken).ConfigureAwait(false);
        if (created is not null)
        {
            LogCrossingsDue(logger, runId, crossings.Count, listed.Count);
        }

        return created is not null;
    }

    /// <summary>Delivers every open alert of the ledger (this run's and any left over), each once.</summary>
    public Task<AlertDeliveryOutcome> DeliverAsync(CancellationToken cancellationToken) => delivery.DeliverOpenAsync(cancellationToken);

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Handoff DM due for account {AccountId} (rule {Rule})")]
    private static partial void LogHandoffDue(ILogger logger, string accountId, string rule);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Run {RunId}: {Crossings} upward tier crossings, {Listed} listed in the digest")]
    private static partial void LogCrossingsDue(ILogger logger, string runId, int crossings, int listed);
}
