using Alignment.Core.Accounts;
using Alignment.Core.Sla;
using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.History;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
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
    public const RunKind Kind = RunKind.SlaSweep;

    private readonly SyncOptions _settings = options.Value;

    /// <summary>
    /// One sweep, in four phases: <see cref="AssessAsync"/> (read open handoffs, decide their SLA fields, record each
    /// alert that came due in the ledger), <see cref="WriteAsync"/> (the changed fields in batches, then the history),
    /// delivery (the ledger's open alerts, even when the CRM failed) and the run record.
    /// </summary>
    public async Task<SlaSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        using var activity = SyncTelemetry.StartRun(Kind.Name(), crm.Name);
        var start = time.GetUtcNow();
        var callsBefore = crm.GetUsage().Calls;
        var runId = RunIds.For(crm.Name, Kind, start);

        var sweep = await AssessAsync(runId, start, cancellationToken).ConfigureAwait(false);
        var written = sweep.Outcome == RunOutcome.StoppedAtBudget ? WriteOutcome.None : await WriteAsync(sweep, runId, start, cancellationToken).ConfigureAwait(false);
        var outcome = written.Outcome ?? sweep.Outcome;
        var error = sweep.Error ?? written.Error;

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
            Read = sweep.Read,
            Scored = sweep.Read,
            Changed = sweep.Writes.Count,
            Written = written.Written,
            Failed = written.Failed,
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
            Read = sweep.Read,
            Changed = sweep.Writes.Count,
            Written = written.Written,
            Failed = written.Failed,
            Recycled = sweep.Recycled,
            Breaches = written.Breaches,
            AlertsDue = sweep.AlertsDue,
            AlertsSent = alertsOutcome.Sent,
            AlertsRetrying = alertsOutcome.Retrying,
            AlertsUnknown = alertsOutcome.Unknown,
            AlertsFailed = alertsOutcome.Failed,
            ApiCalls = record.ApiCalls,
            Error = error,
        });
    }

    /// <summary>Reads the open handoffs, decides each one's SLA fields and records the alerts that came due.</summary>
    private async Task<Assessment> AssessAsync(string runId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var sweep = new Assessment();
        var signalsSince = SignalWindow.Since(start, _settings, rules);
        try
        {
            var request = new CrmReadRequest(null, signalsSince, CrmAccountFilter.OpenHandoffs);
            await foreach (var account in crm.ReadAccountsAsync(request, cancellationToken).ConfigureAwait(false))
            {
                sweep.Read++;
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
                    sweep.Writes.Add(write);
                    sweep.Before[write.AccountId] = current;
                }

                sweep.Recycled += plan.Recycle ? 1 : 0;
                if (plan.Wanted.SlaStatus == SlaStatus.Breached && current.SlaStatus != SlaStatus.Breached)
                {
                    // Counted once written: a write that fails is retried by the next sweep, which counts it then.
                    sweep.Breaching.Add(account.Account.Id);
                }

                foreach (var alert in plan.Alerts)
                {
                    var entry = new AlertLedgerEntry { Alert = alert, State = AlertLedgerState.Pending, CreatedAt = start };
                    if (await ledger.TryCreateAsync(entry, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        sweep.AlertsDue++;
                        LogAlertDue(logger, account.Account.Id, alert.Level);
                    }
                }
            }
        }
        catch (CrmBudgetExhaustedException)
        {
            sweep.Outcome = RunOutcome.StoppedAtBudget;
            sweep.Error = "BUDGET_EXHAUSTED";
        }
        catch (CrmException ex)
        {
            sweep.Outcome = RunOutcome.Failed;
            sweep.Error = ex.Code;
            LogCrmFailed(logger, runId, ex.Code);
        }

        return sweep;
    }

    /// <summary>Writes the changed SLA fields in batches and records the written ones in the history.</summary>
    private async Task<WriteOutcome> WriteAsync(Assessment sweep, string runId, DateTimeOffset start, CancellationToken cancellationToken)
    {
        if (sweep.Writes.Count == 0)
        {
            return WriteOutcome.None;
        }

        try
        {
            var result = await CrmBatchWriter.WriteAsync(crm, sweep.Writes, _settings.WriteBatchSize, cancellationToken).ConfigureAwait(false);
            var done = result.Written.ToHashSet(StringComparer.Ordinal);
            await history.RecordSweepAsync([.. sweep.Writes.Where(w => done.Contains(w.AccountId)).Select(w => (sweep.Before[w.AccountId], w))], runId, start, cancellationToken).ConfigureAwait(false);
            return new WriteOutcome(
                result.Written.Count,
                result.Failures.Count + result.NotAttempted.Count,
                sweep.Breaching.Count(done.Contains),
                result.BudgetExhausted ? RunOutcome.StoppedAtBudget : null,
                result.ApiError);
        }
        catch (CrmException ex)
        {
            // A write call refused for good (e.g. a field the integration user may not edit) must not hold back the
            // alerts: they are recorded in the ledger already and need no CRM call. The next sweep writes again.
            LogWriteFailed(logger, runId, ex.Code);
            return new WriteOutcome(0, sweep.Writes.Count, 0, RunOutcome.Failed, ex.Code);
        }
    }

    /// <summary>What <see cref="AssessAsync"/> found: the writes, their prior states, the counts and how the read ended.</summary>
    private sealed class Assessment
    {
        public List<AccountWrite> Writes { get; } = [];
        public Dictionary<string, AlignmentState> Before { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Breaching { get; } = new(StringComparer.Ordinal);
        public int Read { get; set; }
        public int Recycled { get; set; }
        public int AlertsDue { get; set; }
        public RunOutcome Outcome { get; set; } = RunOutcome.Succeeded;
        public string? Error { get; set; }
    }

    /// <summary>What <see cref="WriteAsync"/> did; <paramref name="Outcome"/> overrides the read's when set.</summary>
    private sealed record WriteOutcome(int Written, int Failed, int Breaches, RunOutcome? Outcome, string? Error)
    {
        public static WriteOutcome None { get; } = new(0, 0, 0, null, null);
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
