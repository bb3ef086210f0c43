using System.Globalization;
using Alignment.Core.Calibration;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Calibration;

/// <summary>
/// The monthly calibration (timer; docs/calibration.md, "Monthly summary"): reads the closed opportunities of the
/// window and the accounts, calibrates the model in force exactly as <c>alignment calibrate</c> does, and posts one
/// summary to the alert channel. Exactly once per CRM and month, whatever retries and restarts happen: the summary is
/// recorded in the alert ledger under <see cref="KeyFor"/> before anything is sent, an invocation that finds the month's
/// entry recorded already does not calibrate again (it only delivers what is still open), and delivery goes through
/// <see cref="AlertDelivery"/> (each ledger entry once). Nothing in the model is changed.
/// </summary>
public sealed partial class CalibrationRunJob(
    ICrm crm,
    IEnumerable<IOutcomeReader> outcomeReaders,
    AlignmentModelSource models,
    IAlertLedger ledger,
    AlertDelivery delivery,
    IRunLedger runs,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<CalibrationRunJob> logger)
{
    public const Runs.RunKind Kind = Runs.RunKind.Calibration;

    /// <summary>The error of a run on a CRM whose outcomes cannot be read yet (nothing is posted).</summary>
    public const string OutcomesUnsupported = "OUTCOMES_UNSUPPORTED";

    private readonly SyncOptions _settings = options.Value;

    /// <summary>The ledger key of a CRM's summary for the month of <paramref name="at"/> (UTC): <c>calibration:salesforce:2026-12</c>.</summary>
    public static string KeyFor(string crmName, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{Runs.RunKinds.Name(Kind)}:{crmName}:{at.UtcDateTime:yyyy-MM}");

    public async Task<CalibrationRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var start = time.GetUtcNow();
        var callsBefore = crm.GetUsage().Calls;
        var runId = Runs.RunIds.For(crm.Name, Kind, start);
        var key = KeyFor(crm.Name, start);
        var outcome = Runs.RunOutcome.Succeeded;
        string? error = null;
        CalibrationSummary? summary = null;
        var recorded = false;

        if (await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            LogAlreadyRecorded(logger, key);
        }
        else if (outcomeReaders.FirstOrDefault() is not { } outcomes)
        {
            error = OutcomesUnsupported;
            LogUnsupported(logger, crm.Name);
        }
        else
        {
            try
            {
                var model = models.GetModel(_settings.ModelPath);
                var input = await CalibrationInput.ReadAsync(crm, outcomes, model, _settings.CalibrationWindowDays, start, cancellationToken).ConfigureAwait(false);
                var report = new Calibrator(model, new CalibrationOptions()).Run(input.Accounts, input.Opportunities, start, cancellationToken);
                summary = CalibrationSummary.From(report, _settings.CalibrationWindowDays);
                var alert = new Alert
                {
                    Key = key,
                    Level = AlertLevel.Calibration,
                    AccountId = runId,
                    HandoffRule = Runs.RunKinds.Name(Kind),
                    HandoffAt = start,
                    SlaDue = start,
                    Calibration = summary,
                };
                recorded = await ledger.TryCreateAsync(new AlertLedgerEntry { Alert = alert, State = AlertLedgerState.Pending, CreatedAt = start }, cancellationToken).ConfigureAwait(false) is not null;
                LogCalibrated(logger, runId, summary.Opportunities, summary.SegmentsFlagged, recorded);
            }
            catch (CrmBudgetExhaustedException)
            {
                outcome = Runs.RunOutcome.StoppedAtBudget;
                error = "BUDGET_EXHAUSTED";
            }
            catch (CrmException ex)
            {
                outcome = Runs.RunOutcome.Failed;
                error = ex.Code;
                LogCrmFailed(logger, runId, ex.Code);
            }
        }

        // The summary needs no CRM call: it goes out even when this invocation is a retry after a crash mid-send.
        var delivered = await delivery.DeliverOpenAsync(cancellationToken).ConfigureAwait(false);
        var record = new RunRecord
        {
            RunId = runId,
            Kind = Kind,
            Crm = crm.Name,
            StartedAt = start,
            FinishedAt = time.GetUtcNow(),
            Outcome = outcome,
            Read = summary?.Accounts ?? 0,
            Scored = summary?.Opportunities ?? 0,
            AlertsSent = delivered.Sent,
            ApiCalls = crm.GetUsage().Calls - callsBefore,
            ModelVersion = summary?.ModelVersion,
            Error = error,
        };
        await runs.AddAsync(record, cancellationToken).ConfigureAwait(false);
        return new CalibrationRunResult(runId, outcome, key, summary, recorded, delivered.Sent, record.ApiCalls, error);
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Calibration {RunId}: {Opportunities} closed opportunities, {Flagged} segments flagged; summary recorded: {Recorded}")]
    private static partial void LogCalibrated(ILogger logger, string runId, int opportunities, int flagged, bool recorded);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "The calibration summary {Key} is recorded already; this month's calibration is not run again")]
    private static partial void LogAlreadyRecorded(ILogger logger, string key);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Calibration skipped: reading closed outcomes from {Crm} is not available yet (docs/calibration.md); use alignment calibrate --input with a snapshot")]
    private static partial void LogUnsupported(ILogger logger, string crm);

    [LoggerMessage(EventId = 703, Level = LogLevel.Error, Message = "Calibration {RunId} could not read from the CRM: {ErrorCode}; the next invocation retries")]
    private static partial void LogCrmFailed(ILogger logger, string runId, string errorCode);
}

/// <summary>The outcome of one <see cref="CalibrationRunJob.RunAsync"/>.</summary>
/// <param name="RunId">The run id (also in the run ledger).</param>
/// <param name="Outcome">One of <see cref="Runs.RunOutcome"/>.</param>
/// <param name="Key">The month's ledger key.</param>
/// <param name="Summary">This invocation's summary; null when it did not calibrate (already recorded, unsupported, failed).</param>
/// <param name="Recorded">This invocation recorded the month's summary in the ledger.</param>
/// <param name="AlertsSent">Ledger entries delivered by this invocation (the summary, and any other open alert).</param>
/// <param name="ApiCalls">CRM calls made.</param>
/// <param name="Error">The CRM's error code, or <see cref="CalibrationRunJob.OutcomesUnsupported"/>.</param>
public sealed record CalibrationRunResult(string RunId, Runs.RunOutcome Outcome, string Key, CalibrationSummary? Summary, bool Recorded, int AlertsSent, int ApiCalls, string? Error);
