using System.Globalization;
using Alignment.Sync.Crm;
using Alignment.Sync.Options;
using Alignment.Sync.Scheduling;
using Alignment.Sync.Scoring;
using Alignment.Sync.State;
using Alignment.Sync.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Inbox;

/// <summary>
/// Processes due webhook deliveries, oldest first, a bounded batch per run: rescore the named accounts (read,
/// evaluate, diff, write) and mark the item Done. An item is claimed first (ETag-conditional; a conflict means another
/// instance has it) by counting the attempt and hiding it for <see cref="SyncOptions.InboxLease"/>, so a crash
/// mid-processing brings it back after the lease and the rerun writes nothing already written (the diff). Failures
/// back off exponentially; after <see cref="SyncOptions.MaxInboxAttempts"/> the item is parked with its error.
/// </summary>
public sealed partial class InboxDrainJob(
    IWebhookInbox inbox,
    ICrm crm,
    ITierHistoryStore tierHistory,
    AccountPlanner planner,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<InboxDrainJob> logger)
{
    private readonly SyncOptions settings = options.Value;

    public async Task<InboxDrainResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int done = 0, retrying = 0, parked = 0, skipped = 0, written = 0;
        var due = new List<Versioned<InboxItem>>();
        await foreach (var item in inbox.ListDueAsync(now, settings.InboxBatchSize, cancellationToken).ConfigureAwait(false))
        {
            due.Add(item);
        }

        foreach (var item in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            now = time.GetUtcNow();
            var claimed = await ClaimAsync(item, now, cancellationToken).ConfigureAwait(false);
            if (claimed is null)
            {
                skipped++;
                continue;
            }

            if (claimed.Value.State == InboxState.Parked)
            {
                parked++;
                continue;
            }

            string? error;
            var budget = false;
            try
            {
                var (accounts, failure, budgetExhausted) = await ProcessAsync(claimed.Value, now, cancellationToken).ConfigureAwait(false);
                written += accounts;
                error = failure;
                budget = budgetExhausted;
            }
            catch (CrmBudgetExhaustedException)
            {
                error = "BUDGET_EXHAUSTED";
                budget = true;
            }
            catch (CrmException ex)
            {
                error = ex.Code;
            }

            var finished = await FinishAsync(claimed, error, budget, now, cancellationToken).ConfigureAwait(false);
            switch (finished)
            {
                case InboxState.Done: done++; break;
                case InboxState.Parked: parked++; break;
                case InboxState.Pending: retrying++; break;
                default: skipped++; break;
            }

            if (budget)
            {
                LogBudget(logger, crm.Name);
                return new InboxDrainResult(done, retrying, parked, skipped, written, StoppedAtBudget: true);
            }
        }

        return new InboxDrainResult(done, retrying, parked, skipped, written, StoppedAtBudget: false);
    }

    /// <summary>Counts the attempt and hides the item for the lease; parks it when attempts are used up. Null: another instance has it.</summary>
    private async Task<Versioned<InboxItem>?> ClaimAsync(Versioned<InboxItem> item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var value = item.Value;
        var claim = value.Attempts >= settings.MaxInboxAttempts
            ? value with
            {
                State = InboxState.Parked,
                NextAttemptAt = null,
                LastError = value.LastError ?? string.Create(CultureInfo.InvariantCulture, $"Gave up after {value.Attempts} attempts (the process stopped while processing)."),
            }
            : value with { Attempts = value.Attempts + 1, NextAttemptAt = now + settings.InboxLease };
        try
        {
            var claimed = await inbox.UpdateAsync(claim, item.ETag, cancellationToken).ConfigureAwait(false);
            if (claim.State == InboxState.Parked)
            {
                LogParked(logger, value.EventId, value.Attempts);
            }

            return claimed;
        }
        catch (ConcurrencyConflictException)
        {
            LogTaken(logger, value.EventId);
            return null;
        }
    }

    /// <returns>Accounts written; an error code when the item must be retried; whether the budget ran out.</returns>
    private async Task<(int Written, string? Error, bool BudgetExhausted)> ProcessAsync(InboxItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signalsSince = SignalWindow.Since(now, settings, planner.Rules);
        var accounts = await crm.GetAccountsAsync(item.AccountIds, signalsSince, cancellationToken).ConfigureAwait(false);
        if (accounts.Count == 0)
        {
            return (0, null, false);
        }

        var latest = await tierHistory.GetLatestAsync([.. accounts.Select(a => a.Account.Id)], cancellationToken).ConfigureAwait(false);
        var plans = accounts.Select(a => planner.Plan(a, latest.GetValueOrDefault(a.Account.Id), now)).ToList();
        var writes = plans.Where(p => p.Write is not null).Select(p => p.Write!).ToList();
        var outcome = writes.Count == 0
            ? new BatchWriteOutcome([], [], [], BudgetExhausted: false, ApiError: null)
            : await CrmBatchWriter.WriteAsync(crm, writes, settings.WriteBatchSize, cancellationToken).ConfigureAwait(false);
        var written = outcome.Written.ToHashSet(StringComparer.Ordinal);
        var records = plans
            .Where(p => p.TierRecord is not null && (p.Evaluation.Tier == p.Source.Account.Current.Tier || written.Contains(p.AccountId)))
            .Select(p => p.TierRecord!)
            .ToList();
        if (records.Count > 0)
        {
            await tierHistory.AppendAsync(records, cancellationToken).ConfigureAwait(false);
        }

        foreach (var failure in outcome.Permanent)
        {
            LogWriteRefused(logger, failure.AccountId, failure.ErrorCode);
        }

        var retry = outcome.Transient.FirstOrDefault()?.ErrorCode ?? (outcome.NotAttempted.Count > 0 ? "BUDGET_EXHAUSTED" : null);
        return (written.Count, retry, outcome.BudgetExhausted);
    }

    private async Task<InboxState?> FinishAsync(Versioned<InboxItem> claimed, string? error, bool budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var value = claimed.Value;
        InboxItem next;
        if (error is null)
        {
            next = value with { State = InboxState.Done, ProcessedAt = now, NextAttemptAt = null };
        }
        else if (budget)
        {
            // Not the item's fault: do not count the attempt; retry after the back-off.
            next = value with
            {
                Attempts = Math.Max(0, value.Attempts - 1),
                NextAttemptAt = now + RetryBackoff.Delay(value.Attempts, settings.BackoffBase, settings.MaxBackoff),
                LastError = error,
            };
        }
        else if (value.Attempts >= settings.MaxInboxAttempts)
        {
            next = value with { State = InboxState.Parked, NextAttemptAt = null, LastError = error };
            LogParked(logger, value.EventId, value.Attempts);
        }
        else
        {
            next = value with
            {
                NextAttemptAt = now + RetryBackoff.Delay(value.Attempts, settings.BackoffBase, settings.MaxBackoff),
                LastError = error,
            };
            LogRetry(logger, value.EventId, value.Attempts, error);
        }

        try
        {
            var saved = await inbox.UpdateAsync(next, claimed.ETag, cancellationToken).ConfigureAwait(false);
            return saved.Value.State;
        }
        catch (ConcurrencyConflictException)
        {
            LogTaken(logger, value.EventId);
            return null;
        }
    }

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
}
