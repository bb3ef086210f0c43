using System.Diagnostics;
using System.Diagnostics.Metrics;
using Alignment.Sync.Inbox;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;
using Alignment.Sync.Sla;

namespace Alignment.Sync.Telemetry;

/// <summary>
/// Traces and metrics of the jobs (BCL <see cref="ActivitySource"/> and <see cref="Meter"/>, both named
/// <see cref="SourceName"/>): one activity per run, tagged with run id, kind, outcome and CRM, and counters from the
/// run's result. Tags carry ids, counts and codes only: never secrets, tokens, e-mail addresses or account names.
/// Metric names: docs/functions.md.
/// </summary>
public static class SyncTelemetry
{
    public const string SourceName = "Alignment.Sync";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("alignment.runs", "{run}", "Job runs, by kind, outcome and CRM.");
    private static readonly Counter<long> AccountsRead = Meter.CreateCounter<long>("alignment.accounts.read", "{account}", "Accounts read from the CRM.");
    private static readonly Counter<long> AccountsScored = Meter.CreateCounter<long>("alignment.accounts.scored", "{account}", "Accounts evaluated.");
    private static readonly Counter<long> AccountsWritten = Meter.CreateCounter<long>("alignment.accounts.written", "{account}", "Accounts whose fields were written.");
    private static readonly Counter<long> CrmApiCalls = Meter.CreateCounter<long>("alignment.crm.api_calls", "{call}", "CRM API calls made by the runs.");
    private static readonly Counter<long> AlertsDue = Meter.CreateCounter<long>("alignment.alerts.due", "{alert}", "SLA alerts newly due (recorded in the alert ledger).");
    private static readonly Counter<long> AlertsSent = Meter.CreateCounter<long>("alignment.alerts.sent", "{alert}", "SLA alerts delivered to Slack.");
    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>("alignment.sla.breaches", "{handoff}", "Handoffs whose SLA became Breached in a sweep.");
    private static readonly Counter<long> InboxItems = Meter.CreateCounter<long>("alignment.inbox.items", "{item}", "Webhook inbox items handled by the drains, by the state they were left in (done, retrying, parked, skipped).");
    private static readonly Gauge<long> InboxDepth = Meter.CreateGauge<long>("alignment.inbox.depth", "{item}", "Inbox items due and still waiting when a drain ended (0: the drain emptied the inbox).");
    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("alignment.run.duration", "s", "Duration of a run.");

    /// <summary>Starts the activity of one run (<c>scoring-run</c>, <c>sla-sweep</c>); null when nobody listens.</summary>
    public static Activity? StartRun(string job, string crm)
    {
        var activity = Source.StartActivity(job, ActivityKind.Internal);
        activity?.SetTag("alignment.crm", crm);
        return activity;
    }

    /// <summary>Tags the run's activity with its result and adds the run's counts to the metrics; returns <paramref name="result"/>.</summary>
    public static ScoringRunResult Recorded(Activity? activity, string crm, ScoringRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tags = Tags(result.Kind, result.Outcome, crm);
        Finish(activity, result.RunId, result.Kind, result.Outcome, result.Error);
        activity?.SetTag("alignment.accounts.read", result.Read);
        activity?.SetTag("alignment.accounts.written", result.Written);
        Runs.Add(1, tags);
        AccountsRead.Add(result.Read, tags);
        AccountsScored.Add(result.Scored, tags);
        AccountsWritten.Add(result.Written, tags);
        CrmApiCalls.Add(result.ApiCalls, tags);
        RunDuration.Record(result.Duration.TotalSeconds, tags);
        return result;
    }

    /// <summary>Tags the sweep's activity with its result and adds its counts to the metrics; returns <paramref name="result"/>.</summary>
    public static SlaSweepResult Recorded(Activity? activity, string crm, SlaSweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tags = Tags(SlaSweepJob.Kind, result.Outcome, crm);
        Finish(activity, result.RunId, SlaSweepJob.Kind, result.Outcome, result.Error);
        activity?.SetTag("alignment.alerts.sent", result.AlertsSent);
        activity?.SetTag("alignment.sla.breaches", result.Breaches);
        Runs.Add(1, tags);
        AccountsRead.Add(result.Read, tags);
        AccountsWritten.Add(result.Written, tags);
        CrmApiCalls.Add(result.ApiCalls, tags);
        AlertsDue.Add(result.AlertsDue, tags);
        Breaches.Add(result.Breaches, tags);
        AlertsSent.Add(result.AlertsSent, tags);
        return result;
    }

    /// <summary>Tags the drain's activity with its result and adds its counts to the metrics; returns <paramref name="result"/>.</summary>
    public static InboxDrainResult Recorded(Activity? activity, string crm, string runId, TimeSpan duration, InboxDrainResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.StoppedAtBudget ? RunOutcome.StoppedAtBudget : RunOutcome.Succeeded;
        var tags = Tags(InboxDrainJob.Kind, outcome, crm);
        Finish(activity, runId, InboxDrainJob.Kind, outcome, result.StoppedAtBudget ? "BUDGET_EXHAUSTED" : null);
        activity?.SetTag("alignment.inbox.done", result.Done);
        activity?.SetTag("alignment.inbox.depth", result.Depth);
        activity?.SetTag("alignment.accounts.written", result.AccountsWritten);
        Runs.Add(1, tags);
        AccountsRead.Add(result.AccountsRead, tags);
        AccountsScored.Add(result.AccountsRead, tags);
        AccountsWritten.Add(result.AccountsWritten, tags);
        CrmApiCalls.Add(result.ApiCalls, tags);
        foreach (var (state, count) in new[] { ("done", result.Done), ("retrying", result.Retrying), ("parked", result.Parked), ("skipped", result.Skipped) })
        {
            if (count > 0)
            {
                InboxItems.Add(count, new TagList { { "alignment.crm", crm }, { "alignment.inbox.state", state } });
            }
        }

        InboxDepth.Record(result.Depth, new TagList { { "alignment.crm", crm } });
        RunDuration.Record(duration.TotalSeconds, tags);
        return result;
    }

    private static TagList Tags(RunKind kind, RunOutcome outcome, string crm) =>
        new() { { "alignment.run.kind", kind.Name() }, { "alignment.run.outcome", outcome.ToString() }, { "alignment.crm", crm } };

    private static void Finish(Activity? activity, string runId, RunKind kind, RunOutcome outcome, string? error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("alignment.run.id", runId);
        activity.SetTag("alignment.run.kind", kind.Name());
        activity.SetTag("alignment.run.outcome", outcome.ToString());
        activity.SetStatus(outcome == RunOutcome.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok, outcome == RunOutcome.Failed ? error : null);
    }
}
