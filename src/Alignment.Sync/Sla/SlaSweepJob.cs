using Alignment.Core.Accounts;
using Alignment.Core.Sla;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.Sync.Options;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.State;
using Alignment.Sync.Telemetry;
using Alignment.Sync.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Sla;

/// <summary>
/// The SLA sweep (timer, every 5 minutes): assesses every open handoff, writes SLA status, first response and
/// recycling (changed fields only), records each alert that came due in the alert ledger <em>before</em> sending it,
/// and delivers the ledger's open alerts through <see cref="AlertDelivery"/>: each alert once per handoff and level,
/// whatever restarts happen.
/// </summary>
public sealed partial class SlaSweepJob(
    ICrm crm,
    IAlertLedger ledger,
    AlertDelivery delivery,
    IRunLedger runs,
    AlignmentRules rules,
    SlaPlanner planner,
    HistoryRecorder history,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SlaSweepJob> logger)
{
    public const string Kind = "sla-sweep";

    private readonly SyncOptions settings = options.Value;

    public async Task<SlaSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        using var activity = SyncTelemetry.StartRun(Kind, crm.Name);
        var start = time.GetUtcNow();
        var callsBefore = crm.GetUsage().Calls;
        var runId = RunIds.For(crm.Name, Kind, start);
        var signalsSince = SignalWindow.Since(start, settings, rules);
        int read = 0, recycled = 0, alertsDue = 0, breaches = 0;
        var breaching = new HashSet<string>(StringComparer.Ordinal);
        var writes = new List<AccountWrite>();
        var before = new Dictionary<string, AlignmentState>(StringComparer.Ordinal);
        var outcome = RunOutcomes.Succeeded;
        string? error = null;

        try
        {
            var request = new CrmReadRequest(null, signalsSince, CrmAccountFilter.OpenHandoffs);
            await foreach (var account in crm.ReadAccountsAsync(request, cancellationToken).ConfigureAwait(false))
            {
                read++;
                var current = account.Account.Current ?? AlignmentState.Empty;
                if (planner.Plan(account, current, start) is not { } plan)
                {
                    continue;
                }

                if (plan.TimeZoneProblem)
                {
                    LogTimeZoneProblem(logger, account.Account.Id);
                }

                if (AlignmentDiff.Compute(account.Account.Id, current, plan.Wanted) is { } write)
                {
                    writes.Add(write);
                    before[write.AccountId] = current;
                }

                recycled += plan.Recycle ? 1 : 0;
                if (plan.Wanted.SlaStatus == SlaStatus.Breached && current.SlaStatus != SlaStatus.Breached)
                {
                    // Counted once written: a write that fails is retried by the next sweep, which counts it then.
                    breaching.Add(account.Account.Id);
                }
                foreach (var alert in plan.Alerts)
                {
                    var entry = new AlertLedgerEntry { Alert = alert, State = AlertLedgerState.Pending, CreatedAt = start };
                    if (await ledger.TryCreateAsync(entry, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        alertsDue++;
                        LogAlertDue(logger, account.Account.Id, alert.Level);
                    }
                }
            }
        }
        catch (CrmBudgetExhaustedException)
        {
            outcome = RunOutcomes.StoppedAtBudget;
            error = "BUDGET_EXHAUSTED";
        }
        catch (CrmException ex)
        {
            outcome = RunOutcomes.Failed;
            error = ex.Code;
            LogCrmFailed(logger, runId, error);
        }

        var written = 0;
        var failed = 0;
        if (writes.Count > 0 && outcome != RunOutcomes.StoppedAtBudget)
        {
            try
            {
                var result = await CrmBatchWriter.WriteAsync(crm, writes, settings.WriteBatchSize, cancellationToken).ConfigureAwait(false);
                written = result.Written.Count;
                var done = result.Written.ToHashSet(StringComparer.Ordinal);
                breaches = breaching.Count(done.Contains);
                await history.RecordSweepAsync([.. writes.Where(w => done.Contains(w.AccountId)).Select(w => (before[w.AccountId], w))], runId, start, cancellationToken).ConfigureAwait(false);
                failed = result.Failures.Count + result.NotAttempted.Count;
                error ??= result.ApiError;
                if (result.BudgetExhausted)
                {
                    outcome = RunOutcomes.StoppedAtBudget;
                }
            }
            catch (CrmException ex)
            {
                // A write call refused for good (e.g. a field the integration user may not edit) must not hold back the
                // alerts: they are recorded in the ledger already and need no CRM call. The next sweep writes again.
                outcome = RunOutcomes.Failed;
                failed = writes.Count;
                error ??= ex.Code;
                LogWriteFailed(logger, runId, error);
            }
        }

        // Alerts need no CRM call: they go out even when the CRM is down or the budget is used up.
        var alertsOutcome = await delivery.DeliverOpenAsync(cancellationToken).ConfigureAwait(false);

        var record = new RunRecord
        {
            RunId = runId,
            Kind = Kind,
            Crm = crm.Name,
            StartedAt = start,
            FinishedAt = time.GetUtcNow(),
            Outcome = outcome,
            Read = read,
            Scored = read,
            Changed = writes.Count,
            Written = written,
            Failed = failed,
            AlertsSent = alertsOutcome.Sent,
            ApiCalls = crm.GetUsage().Calls - callsBefore,
            ModelVersion = rules.ModelVersion,
            Error = error,
        };
        await runs.AddAsync(record, cancellationToken).ConfigureAwait(false);

        return SyncTelemetry.Recorded(activity, crm.Name, new SlaSweepResult
        {
            RunId = runId,
            Outcome = outcome,
            Read = read,
            Changed = writes.Count,
            Written = written,
            Failed = failed,
            Recycled = recycled,
            Breaches = breaches,
            AlertsDue = alertsDue,
            AlertsSent = alertsOutcome.Sent,
            AlertsRetrying = alertsOutcome.Retrying,
            AlertsUnknown = alertsOutcome.Unknown,
            AlertsFailed = alertsOutcome.Failed,
            ApiCalls = record.ApiCalls,
            Error = error,
        });
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Alert {Level} due for account {AccountId}")]
    private static partial void LogAlertDue(ILogger logger, string accountId, AlertLevel level);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "SLA sweep {RunId} could not read open handoffs: {ErrorCode}; open alerts are still delivered")]
    private static partial void LogCrmFailed(ILogger logger, string runId, string errorCode);

    [LoggerMessage(EventId = 403, Level = LogLevel.Error, Message = "SLA sweep {RunId} could not write SLA fields: {ErrorCode}; alerts are still delivered")]
    private static partial void LogWriteFailed(ILogger logger, string runId, string errorCode);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "The owner of account {AccountId} has an unknown time zone; the default calendar was used")]
    private static partial void LogTimeZoneProblem(ILogger logger, string accountId);
}
