using System.Globalization;
using Alignment.Core.Calendar;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Scoreboard;

/// <summary>
/// The weekly digest (timer; docs/scoreboard.md, "Weekly digest"): from Monday 08:00 in the team's time zone, the
/// scoreboard of the week that ended goes to the alert channel once. The timer fires hourly (NCRONTAB is UTC; the
/// job decides in the team's zone, DST included) and an invocation that finds the week's digest recorded sends
/// nothing new. Exactly once per CRM and week, whatever retries and restarts happen: recorded in the alert ledger
/// under <see cref="KeyFor"/> before anything is sent, delivered by <see cref="AlertDelivery"/> (each entry once).
/// </summary>
public sealed partial class WeeklyDigestJob(
    ICrm crm,
    ScoreboardJob scoreboard,
    IScoreboardHistory stored,
    IAlertLedger ledger,
    AlertDelivery delivery,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<WeeklyDigestJob> logger)
{
    public const string Kind = "weekly-digest"; // the digest's alert-ledger key prefix and rule name

    /// <summary>The local hour on Monday from which the week's digest is due.</summary>
    public static readonly TimeOnly DueAt = new(8, 0);

    private readonly SyncOptions _settings = options.Value;

    /// <summary>The ledger key of a CRM's digest for a reported week: <c>weekly-digest:salesforce:2026-W48</c>.</summary>
    public static string KeyFor(string crmName, string week) => string.Create(CultureInfo.InvariantCulture, $"{Kind}:{crmName}:{week}");

    /// <returns>The digest this invocation recorded, or null (not due yet, or recorded before).</returns>
    public async Task<WeeklyDigest?> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = TeamWeek.Of(now, scoreboard.Zone());
        var dueFrom = current.Start + (DueAt - TimeOnly.MinValue);
        WeeklyDigest? recorded = null;
        var reported = current.Previous();
        var key = KeyFor(crm.Name, reported.ToString());
        if (now < dueFrom)
        {
            LogNotDue(logger, reported.ToString());
        }
        else if (await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            LogAlreadyRecorded(logger, key);
        }
        else
        {
            var report = await ReportAsync(reported, cancellationToken).ConfigureAwait(false);
            var digest = WeeklyDigest.From(report, _settings.ScoreboardUrl);

            // The week's row for the trend, before the ledger entry: a crash between the two saves it again (an upsert).
            await stored.SaveAsync(new StoredScoreboardWeek(crm.Name, report.TimeZone, now, report.This, report.Census), cancellationToken).ConfigureAwait(false);
            var alert = new Alert
            {
                Key = key,
                Level = AlertLevel.WeeklyDigest,
                AccountId = reported.ToString(),
                HandoffRule = Kind,
                HandoffAt = now,
                SlaDue = now,
                Digest = digest,
            };
            if (await ledger.TryCreateAsync(new AlertLedgerEntry { Alert = alert, State = AlertLedgerState.Pending, CreatedAt = now }, cancellationToken).ConfigureAwait(false) is not null)
            {
                recorded = digest;
                LogRecorded(logger, key, digest.This.Handoffs);
            }
        }

        // Delivery needs no CRM call; a digest recorded by a crashed invocation goes out now.
        await delivery.DeliverOpenAsync(cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>The week's report with the CRM's figures; without them (and a note) when the CRM cannot be read now.</summary>
    private async Task<ScoreboardReport> ReportAsync(TeamWeek reported, CancellationToken cancellationToken)
    {
        try
        {
            return await scoreboard.RunAsync(reported.Week, readCrm: true, cancellationToken).ConfigureAwait(false);
        }
        catch (CrmException e)
        {
            LogCrmUnavailable(logger, reported.ToString(), e.Code);
            var report = await scoreboard.RunAsync(reported.Week, readCrm: false, cancellationToken).ConfigureAwait(false);
            return report with { Notes = [$"The account figures are missing: {crm.Name} could not be read ({e.Code})."] };
        }
    }

    [LoggerMessage(EventId = 713, Level = LogLevel.Warning, Message = "The weekly digest of {Week} goes out without the account figures: the CRM could not be read ({Code})")]
    private static partial void LogCrmUnavailable(ILogger logger, string week, string code);

    [LoggerMessage(EventId = 710, Level = LogLevel.Debug, Message = "The weekly digest of {Week} is not due before Monday 08:00 team time")]
    private static partial void LogNotDue(ILogger logger, string week);

    [LoggerMessage(EventId = 711, Level = LogLevel.Debug, Message = "The weekly digest {Key} is recorded already")]
    private static partial void LogAlreadyRecorded(ILogger logger, string key);

    [LoggerMessage(EventId = 712, Level = LogLevel.Information, Message = "Weekly digest {Key} recorded ({Handoffs} handoffs)")]
    private static partial void LogRecorded(ILogger logger, string key, int handoffs);
}
