using System.Globalization;
using Alignment.Sync.Crm;
using Alignment.Sync.Runs;
using Alignment.Sync.Scheduling;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.State;
using Alignment.Sync.Telemetry;
using Alignment.Sync.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Inbox;

/// <summary>
/// Processes due webhook deliveries (docs/storage-and-slack.md, "Webhook inbox"). One pass takes every due item up to
/// <see cref="SyncOptions.InboxBatchSize"/>, oldest first, claims them (ETag-conditional, in batches: a conflict means
/// another instance has that item) by counting the attempt and hiding them for <see cref="SyncOptions.InboxLease"/>,
/// coalesces them by account, and reads, scores and writes each distinct account once with the CRM's batch calls
/// (<see cref="ICrm.GetAccountsAsync"/>, <see cref="ICrm.WriteAsync"/>) exactly as the scoring run does
/// (<see cref="AccountPlanner"/>, <see cref="CrmBatchWriter"/>). An item is marked Done only once every account it
/// names is written or already right; one account's failure sends back only the items that name it (exponential
/// back-off, parked with the CRM's error after <see cref="SyncOptions.MaxInboxAttempts"/>). Passes go on while due
/// items remain, for at most <see cref="SyncOptions.InboxDrainTimeLimit"/>, so a backlog drains continuously.
/// </summary>
/// <remarks>
/// Latest state wins: each pass reads the CRM after claiming, so the values written reflect every event it claimed; a
/// crash mid-pass leaves the items claimed until the lease ends and the rerun writes only what still differs (the diff);
/// a pass whose lease has run short (a stalled process another drain may have overtaken) writes nothing; and an account
/// whose CRM fields carry a later evaluation instant than this pass's is not written over.
/// </remarks>
public sealed partial class InboxDrainJob(
    IWebhookInbox inbox,
    ICrm crm,
    ITierHistoryStore tierHistory,
    AccountPlanner planner,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<InboxDrainJob> logger)
{
    /// <summary>The drain's kind in traces and metrics (docs/functions.md, "Telemetry").</summary>
    public const RunKind Kind = RunKind.InboxDrain;

    /// <summary>
    /// How many due items a drain that stopped before emptying the inbox counts for the depth metric at most (one
    /// listing of due items, no CRM call); a deeper backlog is reported as this figure.
    /// </summary>
    public const int DepthCountLimit = 5_000;

    private readonly SyncOptions _settings = options.Value;

    public async Task<InboxDrainResult> RunAsync(CancellationToken cancellationToken)
    {
        using var activity = SyncTelemetry.StartRun(Kind.Name(), crm.Name);
        var start = time.GetUtcNow();
        var callsBefore = crm.GetUsage().Calls;
        var tally = new Tally();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claimed = await PassAsync(tally, cancellationToken).ConfigureAwait(false);
            if (claimed == 0)
            {
                break;
            }

            tally.Passes++;
            if (tally.StoppedAtBudget)
            {
                break;
            }

            if (time.GetUtcNow() - start >= _settings.InboxDrainTimeLimit)
            {
                LogTimeLimit(logger, tally.Passes, _settings.InboxDrainTimeLimit);
                break;
            }
        }

        if (tally.StoppedAtBudget)
        {
            LogBudget(logger, crm.Name);
        }

        // The inbox's depth: 0 when the last pass found nothing due, else counted (bounded) for the metric.
        var depth = tally.Emptied ? 0 : await CountDueAsync(cancellationToken).ConfigureAwait(false);
        var result = new InboxDrainResult(tally.Done, tally.Retrying, tally.Parked, tally.Skipped, tally.Written, tally.StoppedAtBudget)
        {
            Passes = tally.Passes,
            AccountsRead = tally.Read,
            ApiCalls = crm.GetUsage().Calls - callsBefore,
            Depth = depth,
        };
        return SyncTelemetry.Recorded(activity, crm.Name, RunIds.For(crm.Name, Kind, start), time.GetUtcNow() - start, result);
    }

    private async Task<int> CountDueAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in inbox.ListDueAsync(time.GetUtcNow(), DepthCountLimit, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <returns>How many items the pass claimed for processing (0: nothing due, or others had them all).</returns>
    private async Task<int> PassAsync(Tally tally, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var started = time.GetTimestamp();
        var due = new List<Versioned<InboxItem>>();
        await foreach (var item in inbox.ListDueAsync(now, _settings.InboxBatchSize, cancellationToken).ConfigureAwait(false))
        {
            due.Add(item);
        }

        if (due.Count == 0)
        {
            tally.Emptied = true;
            return 0;
        }

        var claims = await inbox.UpdateManyAsync([.. due.Select(d => new InboxItemUpdate(d, Claim(d.Value, now)))], cancellationToken).ConfigureAwait(false);
        var work = new List<Versioned<InboxItem>>(due.Count);
        for (var i = 0; i < due.Count; i++)
        {
            if (claims[i] is not { } claimed)
            {
                tally.Skipped++;
                LogTaken(logger, due[i].Value.EventId);
            }
            else if (claimed.Value.State == InboxState.Parked)
            {
                tally.Parked++;
                LogParked(logger, claimed.Value.EventId, claimed.Value.Attempts);
            }
            else
            {
                work.Add(claimed);
            }
        }

        if (work.Count == 0)
        {
            return 0;
        }

        var claimedAt = time.GetTimestamp();
        var outcome = await ProcessAsync(work, now + _settings.InboxLease, cancellationToken).ConfigureAwait(false);
        var processedAt = time.GetTimestamp();
        tally.Read += outcome.Read;
        tally.Written += outcome.Written;
        var finishedAt = time.GetUtcNow();
        var verdicts = work.Select(w => outcome.VerdictFor(w.Value)).ToList();
        tally.StoppedAtBudget |= verdicts.Any(v => v is { Kind: InboxItemVerdictKind.Release, Error: "BUDGET_EXHAUSTED" });
        var finished = await inbox.UpdateManyAsync(
            [.. work.Select((w, i) => new InboxItemUpdate(w, Finish(w.Value, verdicts[i], finishedAt)))], cancellationToken).ConfigureAwait(false);
        foreach (var (saved, i) in finished.Select((s, i) => (s, i)))
        {
            switch (saved?.Value.State)
            {
                case InboxState.Done: tally.Done++; break;
                case InboxState.Parked: tally.Parked++; LogParked(logger, saved.Value.EventId, saved.Value.Attempts); break;
                case InboxState.Pending:
                    tally.Retrying++;
                    if (verdicts[i].Kind == InboxItemVerdictKind.Retry)
                    {
                        LogRetry(logger, saved.Value.EventId, saved.Value.Attempts, verdicts[i].Error ?? "");
                    }

                    break;
                default: tally.Skipped++; LogTaken(logger, work[i].Value.EventId); break;
            }
        }

        LogPass(logger, work.Count, outcome.Read, outcome.Written, outcome.Failures, (long)time.GetElapsedTime(started, claimedAt).TotalMilliseconds,
            (long)time.GetElapsedTime(claimedAt, processedAt).TotalMilliseconds, (long)time.GetElapsedTime(processedAt).TotalMilliseconds);
        return work.Count;
    }

    /// <summary>Reads the distinct accounts of the claimed items once, scores them and writes the changes in batches.</summary>
    private async Task<InboxPassOutcome> ProcessAsync(List<Versioned<InboxItem>> work, DateTimeOffset leaseEnds, CancellationToken cancellationToken)
    {
        var ids = work.SelectMany(w => w.Value.AccountIds).Distinct(StringComparer.Ordinal).ToList();
        var signalsSince = SignalWindow.Since(time.GetUtcNow(), _settings, planner.Rules);
        IReadOnlyList<CrmAccount> read;
        try
        {
            read = ids.Count == 0 ? [] : await crm.GetAccountsAsync(ids, signalsSince, cancellationToken).ConfigureAwait(false);
        }
        catch (CrmBudgetExhaustedException)
        {
            return InboxPassOutcome.Released("BUDGET_EXHAUSTED");
        }
        catch (CrmException ex)
        {
            return InboxPassOutcome.Failed(ex.Code);
        }

        // Evaluated after the read: the values reflect the CRM as it is now, whatever order the events came in.
        var now = time.GetUtcNow();
        var accounts = read.DistinctBy(a => a.Account.Id, StringComparer.Ordinal).ToList();
        var outcome = new InboxPassOutcome();
        foreach (var account in accounts)
        {
            outcome.MarkRead(account.Account.Id);
        }

        var latest = accounts.Count == 0
            ? new Dictionary<string, TierRecord>()
            : await tierHistory.GetLatestAsync([.. accounts.Select(a => a.Account.Id)], cancellationToken).ConfigureAwait(false);
        var plans = accounts.Select(a => planner.Plan(a, latest.GetValueOrDefault(a.Account.Id), now)).ToList();

        // Never write over a later evaluation (another writer whose clock is ahead of ours already scored the account).
        var writes = plans.Where(p => p.Write is not null && !(p.Source.Account.Current.ScoredAt > now)).Select(p => p.Write!).ToList();
        if (writes.Count > 0 && time.GetUtcNow() >= leaseEnds - (_settings.InboxLease / 5))
        {
            // This pass stalled: another drain may already hold these items and write fresher values. Write nothing.
            LogLeaseShort(logger, work.Count);
            return InboxPassOutcome.Released("LEASE_EXPIRED");
        }

        BatchWriteOutcome written;
        try
        {
            written = writes.Count == 0
                ? new BatchWriteOutcome([], [], [], BudgetExhausted: false, ApiError: null)
                : await CrmBatchWriter.WriteAsync(crm, writes, _settings.WriteBatchSize, cancellationToken).ConfigureAwait(false);
        }
        catch (CrmException ex)
        {
            // A write call refused as a whole (not transiently): earlier batches may be written; the rerun's diff skips them.
            return InboxPassOutcome.Failed(ex.Code);
        }

        var writtenIds = written.Written.ToHashSet(StringComparer.Ordinal);
        outcome.MarkWritten(writtenIds.Count);
        foreach (var failure in written.Failures)
        {
            outcome.MarkFailed(failure.AccountId, failure.ErrorCode);
            if (!failure.Transient)
            {
                LogWriteRefused(logger, failure.AccountId, failure.ErrorCode);
            }
        }

        foreach (var skipped in written.NotAttempted)
        {
            outcome.MarkNotAttempted(skipped);
        }

        // Tier history exactly as the scoring run keeps it: a tier change once written, a waiting upgrade whatever the write did.
        var records = plans
            .Where(p => p.TierRecord is not null && (p.Evaluation.Tier == p.Source.Account.Current.Tier || writtenIds.Contains(p.AccountId)))
            .Select(p => p.TierRecord!)
            .ToList();
        if (records.Count > 0)
        {
            await tierHistory.AppendAsync(records, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>Counts the attempt and hides the item for the lease; parks it when attempts are used up (a crash loop).</summary>
    private InboxItem Claim(InboxItem value, DateTimeOffset now) =>
        value.Attempts >= _settings.MaxInboxAttempts
            ? value with
            {
                State = InboxState.Parked,
                NextAttemptAt = null,
                LastError = value.LastError ?? string.Create(CultureInfo.InvariantCulture, $"Gave up after {value.Attempts} attempts (the process stopped while processing)."),
            }
            : value with { Attempts = value.Attempts + 1, NextAttemptAt = now + _settings.InboxLease };

    private InboxItem Finish(InboxItem value, InboxItemVerdict verdict, DateTimeOffset now) => verdict.Kind switch
    {
        InboxItemVerdictKind.Done => value with { State = InboxState.Done, ProcessedAt = now, NextAttemptAt = null },

        // Not the item's fault: the attempt is not counted; retry after the back-off.
        InboxItemVerdictKind.Release => value with
        {
            Attempts = Math.Max(0, value.Attempts - 1),
            NextAttemptAt = now + RetryBackoff.Delay(value.Attempts, _settings.BackoffBase, _settings.MaxBackoff),
            LastError = verdict.Error,
        },
        _ when value.Attempts >= _settings.MaxInboxAttempts => value with { State = InboxState.Parked, NextAttemptAt = null, LastError = verdict.Error },
        _ => value with
        {
            NextAttemptAt = now + RetryBackoff.Delay(value.Attempts, _settings.BackoffBase, _settings.MaxBackoff),
            LastError = verdict.Error,
        },
    };

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Inbox item {EventId} is being processed by another instance")]
    private static partial void LogTaken(ILogger logger, string eventId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Inbox item {EventId} failed attempt {Attempt} with {ErrorCode}; retrying after back-off")]
    private static partial void LogRetry(ILogger logger, string eventId, int attempt, string errorCode);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Inbox item {EventId} parked after {Attempts} attempts")]
    private static partial void LogParked(ILogger logger, string eventId, int attempts);

    [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "CRM refused the write of account {AccountId} with {ErrorCode}")]
    private static partial void LogWriteRefused(ILogger logger, string accountId, string errorCode);

    [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Inbox drain stopped: the {Crm} API budget is used up")]
    private static partial void LogBudget(ILogger logger, string crm);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "Inbox drain pass: {Items} items, {Accounts} accounts read, {Written} written, {Failed} failed; list and claim {ClaimMs} ms, CRM {CrmMs} ms, finish {FinishMs} ms")]
    private static partial void LogPass(ILogger logger, int items, int accounts, int written, int failed, long claimMs, long crmMs, long finishMs);

    [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "Inbox drain reached its time limit {TimeLimit} after {Passes} passes; the rest waits for the next run")]
    private static partial void LogTimeLimit(ILogger logger, int passes, TimeSpan timeLimit);

    [LoggerMessage(EventId = 307, Level = LogLevel.Warning, Message = "Inbox drain pass of {Items} items ran too close to the end of its lease; nothing written, the items go back")]
    private static partial void LogLeaseShort(ILogger logger, int items);

    /// <summary>Counters over the passes of one run.</summary>
    private sealed class Tally
    {
        public int Done { get; set; }
        public int Retrying { get; set; }
        public int Parked { get; set; }
        public int Skipped { get; set; }
        public int Written { get; set; }
        public int Read { get; set; }
        public int Passes { get; set; }
        public bool StoppedAtBudget { get; set; }

        /// <summary>The last pass found nothing due.</summary>
        public bool Emptied { get; set; }
    }
}
