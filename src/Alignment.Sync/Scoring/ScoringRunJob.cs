using Alignment.Sync.Alerts;
using Alignment.Sync.Crm;
using Alignment.Sync.Handoffs;
using Alignment.Sync.History;
using Alignment.Sync.Runs;
using Alignment.Sync.Settings;
using Alignment.Sync.State;
using Alignment.Sync.Telemetry;
using Alignment.Sync.Writing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Scoring;

/// <summary>
/// The scoring run (timer, every 15 minutes): reads the accounts changed since the checkpoint (all of them when a full
/// rescore is asked for or due), evaluates them, decides handoffs, writes only the changed fields in batches, appends
/// tier history, advances the checkpoint (ETag-conditional) past what is safely written, announces the handoffs written
/// (a DM to each owner), records the history (write log, handoff ledger) and the run's upward tier crossings (one capped digest) through <see cref="HandoffAnnouncer"/>,
/// and adds a run-ledger row.
/// </summary>
/// <remarks>
/// Guarantees (docs/sync.md): the checkpoint never passes an account whose write failed transiently or was not
/// attempted (it stays at that account's LastModifiedAt, read again inclusively next time); a crash anywhere leaves
/// the checkpoint where it was, and the rerun writes nothing that is already right (the diff). Stops cleanly on
/// <see cref="CrmBudgetExhaustedException"/>.
/// </remarks>
public sealed partial class ScoringRunJob(
    ICrm crm,
    ICheckpointStore checkpoints,
    ITierHistoryStore tierHistory,
    IRunLedger runs,
    AccountPlanner planner,
    HandoffAnnouncer announcer,
    HistoryRecorder history,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<ScoringRunJob> logger)
{
    public const RunKind IncrementalKind = RunKind.Scoring;
    public const RunKind FullKind = RunKind.FullRescore;

    /// <summary>Follow-ups recorded at once after a partition's write.</summary>
    private const int FollowUpChunk = 1000;

    private readonly SyncOptions _settings = options.Value;

    /// <summary>The checkpoint's name for a CRM (<c>salesforce:scoring</c>).</summary>
    public static string CheckpointName(string crmName) => crmName + ":scoring";

    public async Task<ScoringRunResult> RunAsync(ScoringRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = SyncTelemetry.StartRun("scoring-run", crm.Name);
        var start = time.GetUtcNow();
        var callsBefore = crm.GetUsage().Calls;
        var checkpointName = CheckpointName(crm.Name);
        var stored = await checkpoints.GetAsync(checkpointName, cancellationToken).ConfigureAwait(false);
        var before = stored?.Value;
        var full = request.Full || before?.ModifiedSince is null || FullRescoreDue(before.LastFullRunAt, start, _settings.FullRescoreHourUtc);
        var kind = full ? FullKind : IncrementalKind;
        var runId = RunIds.For(crm.Name, kind, start);
        var signalsSince = SignalWindow.Since(start, _settings, planner.Rules);
        var progress = new Progress { RunId = runId, Crossings = new TierCrossingTally(_settings.MaxTierCrossingsListed) };
        LogStarted(logger, runId, crm.Name, full);

        var (outcome, error) = await ScoreAsync(
            new CrmReadRequest(full ? null : before!.ModifiedSince, signalsSince), progress, kind, start, callsBefore, cancellationToken).ConfigureAwait(false);
        var after = await AdvanceCheckpointAsync(checkpointName, stored, full, start, progress, cancellationToken).ConfigureAwait(false);

        await DeliverAsync(progress, start, cancellationToken).ConfigureAwait(false);
        var record = await RecordAsync(runId, kind, start, callsBefore, outcome, error, progress, cancellationToken).ConfigureAwait(false);
        LogFinished(logger, runId, outcome, progress.Read, progress.Written, progress.Failed);
        return SyncTelemetry.Recorded(activity, crm.Name, Result(progress, kind, outcome, record.ApiCalls, start) with
        {
            CheckpointBefore = before?.ModifiedSince,
            CheckpointAfter = after?.ModifiedSince ?? before?.ModifiedSince,
            Error = error,
        });
    }

    /// <summary>
    /// The read, decide and write phases: the accounts in batches of <c>WriteBatchSize</c>, each planned and its changes
    /// written (<see cref="ProcessAsync"/>). A budget stop or a CRM failure ends the phase and marks the accounts not
    /// yet written so the checkpoint stays before them; any other failure is recorded and rethrown.
    /// </summary>
    private async Task<(RunOutcome Outcome, string? Error)> ScoreAsync(
        CrmReadRequest readRequest, Progress progress, RunKind kind, DateTimeOffset start, int callsBefore, CancellationToken cancellationToken)
    {
        var outcome = RunOutcome.Succeeded;
        string? error = null;
        var buffer = new List<CrmAccount>(_settings.WriteBatchSize);
        try
        {
            await foreach (var account in crm.ReadAccountsAsync(readRequest, cancellationToken).ConfigureAwait(false))
            {
                progress.Saw(account);
                buffer.Add(account);
                if (buffer.Count >= _settings.WriteBatchSize && !await ProcessAsync(buffer, progress, start, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }

            if (!progress.BudgetExhausted && buffer.Count > 0)
            {
                await ProcessAsync(buffer, progress, start, cancellationToken).ConfigureAwait(false);
            }

            progress.ReadComplete = !progress.BudgetExhausted;
            if (progress.BudgetExhausted)
            {
                outcome = RunOutcome.StoppedAtBudget;
                progress.Unsafe(buffer);
            }

            error = progress.ApiError;
        }
        catch (CrmBudgetExhaustedException)
        {
            outcome = RunOutcome.StoppedAtBudget;
            error = "BUDGET_EXHAUSTED";
            progress.Unsafe(buffer);
        }
        catch (CrmException ex)
        {
            progress.Unsafe(buffer);
            outcome = RunOutcome.Failed;
            error = ex.Code;
            LogCrmFailed(logger, progress.RunId, crm.Name, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The process may be dying: leave the checkpoint where it was; a rerun redoes the work (the diff makes it idempotent).
            await RecordAsync(progress.RunId, kind, start, callsBefore, RunOutcome.Failed, ex.GetType().Name, progress, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException)
        {
            await RecordAsync(progress.RunId, kind, start, callsBefore, RunOutcome.Cancelled, null, progress, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return (outcome, error);
    }

    /// <summary>
    /// The deliver phase: the tier crossings' digest and every pending DM. Alerts need no CRM call, so they go out even
    /// when the CRM failed or the budget ran out.
    /// </summary>
    private async Task DeliverAsync(Progress progress, DateTimeOffset start, CancellationToken cancellationToken)
    {
        progress.CrossingsDigest = await announcer.RecordCrossingsAsync(progress.RunId, progress.Crossings, start, cancellationToken).ConfigureAwait(false);
        progress.AlertsSent = (await announcer.DeliverAsync(cancellationToken).ConfigureAwait(false)).Sent;
    }

    /// <summary>
    /// Scores one partition of a partitioned full rescore (docs/partitions.md): reads the partition's id range (through
    /// the CRM's bulk API above its threshold), evaluates every account, writes the changes in one batch (one bulk
    /// job), appends tier history, records the history and announces the handoffs, exactly as a run does for its
    /// accounts. It neither moves the incremental checkpoint nor adds a run-ledger row: <see cref="Partitions.PartitionRunJob"/>
    /// records the run once every partition is done. Anything short of a clean pass throws, so the queue delivers the
    /// partition again (and, after its attempts, moves it to the poison queue); a rerun writes only what is still
    /// different (the diff), so a retried partition never writes anything twice.
    /// </summary>
    public async Task<ScoringRunResult> ScorePartitionAsync(Partitions.PartitionMessage partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        using var activity = SyncTelemetry.StartRun("scoring-partition", crm.Name);
        var start = time.GetUtcNow();
        var callsBefore = crm.GetUsage().Calls;
        var progress = new Progress { RunId = partition.RunId, Crossings = new TierCrossingTally(_settings.MaxTierCrossingsListed) };
        var request = new CrmReadRequest(null, SignalWindow.Since(start, _settings, planner.Rules), Range: new AccountRange(partition.From, partition.To, partition.Count));

        // A batch at a time: planned, its writes and follow-ups staged on disk; then the partition's one write, and the
        // follow-ups of what the CRM took. The worker holds one batch, whatever the partition's size.
        var staged = StagedPlans.Create(null);
        await using (staged.ConfigureAwait(false))
        {
            var buffer = new List<CrmAccount>(_settings.PartitionBatchSize);
            await foreach (var account in crm.ReadAccountsAsync(request, cancellationToken).ConfigureAwait(false))
            {
                progress.Saw(account);
                buffer.Add(account);
                if (buffer.Count >= _settings.PartitionBatchSize)
                {
                    await StageAsync(buffer, progress, start, staged.AddAsync, cancellationToken).ConfigureAwait(false);
                }
            }

            await StageAsync(buffer, progress, start, staged.AddAsync, cancellationToken).ConfigureAwait(false);
            var outcome = await CrmBatchWriter.WriteAsync(crm, staged, _settings.WriteBatchSize, cancellationToken).ConfigureAwait(false);
            await FollowUpAsync(staged.ReadFollowUpsAsync(cancellationToken), outcome, progress, start, cancellationToken).ConfigureAwait(false);
            if (outcome.BudgetExhausted)
            {
                throw new CrmBudgetExhaustedException("The CRM's API budget ran out while partition " + partition.Index + " of run " + partition.RunId + " was written; it is delivered again later.");
            }
        }

        if (progress.ApiError is not null || progress.OldestUnsafe is not null)
        {
            var code = progress.ApiError ?? "TRANSIENT_WRITE_FAILURES";
            throw new CrmException(crm.Name, "Partition " + partition.Index + " of run " + partition.RunId + " could not write every account (" + code + "); it is delivered again and writes only what is still different.", null, code);
        }

        progress.CrossingsDigest = await announcer.RecordCrossingsAsync(partition.RunId + "#" + partition.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), progress.Crossings, start, cancellationToken).ConfigureAwait(false);
        progress.AlertsSent = (await announcer.DeliverAsync(cancellationToken).ConfigureAwait(false)).Sent;
        LogFinished(logger, partition.RunId + "#" + partition.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), RunOutcome.Succeeded, progress.Read, progress.Written, progress.Failed);
        return SyncTelemetry.Recorded(activity, crm.Name, Result(progress, FullKind, RunOutcome.Succeeded, crm.GetUsage().Calls - callsBefore, start));
    }

    private ScoringRunResult Result(Progress progress, RunKind kind, RunOutcome outcome, int apiCalls, DateTimeOffset start) => new()
    {
        RunId = progress.RunId,
        Kind = kind,
        Outcome = outcome,
        ModelVersion = planner.Rules.ModelVersion,
        Read = progress.Read,
        Scored = progress.Scored,
        Changed = progress.Changed,
        Written = progress.Written,
        Failed = progress.Failed,
        Handoffs = progress.Handoffs,
        HandoffMessages = progress.HandoffMessages,
        TierCrossings = progress.Crossings.Count,
        AlertsSent = progress.AlertsSent,
        PermanentFailures = progress.PermanentFailures,
        ApiCalls = apiCalls,
        Duration = time.GetUtcNow() - start,
    };

    /// <summary>Whether the nightly full rescore is due: none since the last <paramref name="hourUtc"/>:00 UTC at or before <paramref name="now"/>.</summary>
    public static bool FullRescoreDue(DateTimeOffset? lastFullRunAt, DateTimeOffset now, int hourUtc)
    {
        var utc = now.ToUniversalTime();
        var dueAt = new DateTimeOffset(utc.Year, utc.Month, utc.Day, hourUtc, 0, 0, TimeSpan.Zero);
        if (dueAt > utc)
        {
            dueAt = dueAt.AddDays(-1);
        }

        return lastFullRunAt is null || lastFullRunAt < dueAt;
    }

    /// <summary>Evaluates and writes one batch of an incremental run; false when the budget ran out.</summary>
    private async Task<bool> ProcessAsync(List<CrmAccount> buffer, Progress progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var followUps = new List<PlanFollowUp>();
        await StageAsync(buffer, progress, now, (f, _) => { followUps.Add(f); return Task.CompletedTask; }, cancellationToken, keep: true).ConfigureAwait(false);
        var outcome = followUps.Count == 0
            ? BatchWriteOutcome.Empty
            : await CrmBatchWriter.WriteAsync(crm, [.. followUps.Select(f => f.Write)], _settings.WriteBatchSize, cancellationToken).ConfigureAwait(false);
        await FollowUpAsync(followUps.ToAsyncEnumerable(), outcome, progress, now, cancellationToken).ConfigureAwait(false);
        buffer.Clear();
        return !outcome.BudgetExhausted;
    }

    /// <summary>
    /// The decide phase of a batch: evaluates each account, records what needs no write (the rep's feedback, the tier
    /// record of an upgrade waiting out its dwell) and hands the follow-up of each plan with a write to
    /// <paramref name="stage"/>. The buffer is emptied unless <paramref name="keep"/> (an incremental run keeps it
    /// until written, to hold the checkpoint before it if the write throws).
    /// </summary>
    private async Task StageAsync(
        List<CrmAccount> buffer, Progress progress, DateTimeOffset now, Func<PlanFollowUp, CancellationToken, Task> stage, CancellationToken cancellationToken, bool keep = false)
    {
        if (buffer.Count == 0)
        {
            return;
        }

        var latest = await tierHistory.GetLatestAsync([.. buffer.Select(a => a.Account.Id)], cancellationToken).ConfigureAwait(false);
        var plans = buffer.Select(a => planner.Plan(a, latest.GetValueOrDefault(a.Account.Id), now)).ToList();
        if (!keep)
        {
            buffer.Clear();
        }

        progress.Scored += plans.Count;
        await history.RecordFeedbackAsync(plans, now, cancellationToken).ConfigureAwait(false);
        var waiting = plans
            .Where(p => p.TierRecord is not null && p.Evaluation.Tier == p.Source.Account.Current.Tier)
            .Select(p => p.TierRecord!)
            .ToList();
        if (waiting.Count > 0)
        {
            await tierHistory.AppendAsync(waiting, cancellationToken).ConfigureAwait(false);
        }

        foreach (var plan in plans)
        {
            if (PlanFollowUp.Of(plan, progress.RunId, now) is { } followUp)
            {
                progress.Changed++;
                await stage(followUp, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The history phase, once the CRM has answered: what it took gets its write-log entry, handoff record, DM, tier
    /// record and crossing (a thousand at a time); what it refused is reported; what failed transiently or was not
    /// tried keeps the checkpoint before it.
    /// </summary>
    private async Task FollowUpAsync(IAsyncEnumerable<PlanFollowUp> followUps, BatchWriteOutcome outcome, Progress progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = outcome.Written.ToHashSet(StringComparer.Ordinal);
        progress.Written += written.Count;
        progress.Failed += outcome.Failures.Count;
        progress.ApiError ??= outcome.ApiError;
        progress.BudgetExhausted |= outcome.BudgetExhausted;
        foreach (var failure in outcome.Permanent)
        {
            progress.PermanentFailures.Add(new AccountFailure(failure.AccountId, failure.ErrorCode));
            LogWriteRefused(logger, failure.AccountId, failure.ErrorCode);
        }

        var retry = outcome.Transient.Select(f => f.AccountId).Concat(outcome.NotAttempted).ToHashSet(StringComparer.Ordinal);
        await foreach (var chunk in followUps.Chunk(FollowUpChunk).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            progress.Unsafe(chunk.Where(f => retry.Contains(f.AccountId)).Select(f => f.LastModifiedAt));
            var taken = chunk.Where(f => written.Contains(f.AccountId)).ToList();
            if (taken.Count == 0)
            {
                continue;
            }

            await history.RecordWrittenAsync(taken, cancellationToken).ConfigureAwait(false);
            progress.Handoffs += taken.Count(f => f.Handoff is not null);
            progress.HandoffMessages += await announcer.RecordHandoffsAsync(taken.Select(f => f.HandoffAlert).OfType<Alert>(), now, cancellationToken).ConfigureAwait(false);
            progress.Crossings.AddRange(taken.Select(f => f.Crossing).OfType<TierCrossing>());
            var records = taken.Select(f => f.TierRecord).OfType<TierRecord>().ToList();
            if (records.Count > 0)
            {
                await tierHistory.AppendAsync(records, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Checkpoint?> AdvanceCheckpointAsync(
        string name, Versioned<Checkpoint>? stored, bool full, DateTimeOffset start, Progress progress, CancellationToken cancellationToken)
    {
        var old = stored?.Value;
        // Complete read: everything up to the newest LastModifiedAt was seen, resume just after it. The clients compare at
        // their CRM's precision, truncating (SOQL to the second, HubSpot's search to the millisecond), so the next run
        // reads that second again and a change made later within it is not missed (docs/sync.md). Partial read
        // (in ascending order): resume at the last instant read, inclusive, as accounts with that same instant may be unread.
        DateTimeOffset? readUpTo = progress.ReadComplete
            ? progress.MaxRead?.AddTicks(1) ?? (full ? old?.ModifiedSince ?? start : old?.ModifiedSince)
            : progress.InOrder ? progress.LastRead : null;
        var since = Max(old?.ModifiedSince, readUpTo);
        if (progress.OldestUnsafe is { } oldestUnsafe && (since is null || oldestUnsafe < since))
        {
            since = oldestUnsafe;
        }

        var lastFull = full && progress.ReadComplete ? start : old?.LastFullRunAt;
        var next = new Checkpoint(since, lastFull);
        if (next == old || (old is null && next.ModifiedSince is null && next.LastFullRunAt is null))
        {
            return old;
        }

        try
        {
            var saved = await checkpoints.SaveAsync(name, next, stored?.ETag, cancellationToken).ConfigureAwait(false);
            return saved.Value;
        }
        catch (ConcurrencyConflictException)
        {
            LogCheckpointConflict(logger, name);
            return old;
        }
    }

    private async Task<RunRecord> RecordAsync(
        string runId, RunKind kind, DateTimeOffset start, int callsBefore, RunOutcome outcome, string? error, Progress progress, CancellationToken cancellationToken)
    {
        var record = new RunRecord
        {
            RunId = runId,
            Kind = kind,
            Crm = crm.Name,
            StartedAt = start,
            FinishedAt = time.GetUtcNow(),
            Outcome = outcome,
            Read = progress.Read,
            Scored = progress.Scored,
            Changed = progress.Changed,
            Written = progress.Written,
            Failed = progress.Failed,
            AlertsSent = progress.AlertsSent,
            ApiCalls = crm.GetUsage().Calls - callsBefore,
            ModelVersion = planner.Rules.ModelVersion,
            Error = error,
        };
        await runs.AddAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Scoring run {RunId} on {Crm} started (full: {Full})")]
    private static partial void LogStarted(ILogger logger, string runId, string crm, bool full);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Scoring run {RunId} finished {Outcome}: read {Read}, written {Written}, failed {Failed}")]
    private static partial void LogFinished(ILogger logger, string runId, RunOutcome outcome, int read, int written, int failed);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "CRM refused the write of account {AccountId} with {ErrorCode}")]
    private static partial void LogWriteRefused(ILogger logger, string accountId, string errorCode);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Checkpoint {Checkpoint} was changed by another run; left as that run saved it")]
    private static partial void LogCheckpointConflict(ILogger logger, string checkpoint);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Scoring run {RunId} on {Crm} failed with {ErrorCode}; checkpoint kept before the unprocessed accounts")]
    private static partial void LogCrmFailed(ILogger logger, string runId, string crm, string errorCode);

    /// <summary>Counters and checkpoint bounds of one run.</summary>
    private sealed class Progress
    {
        public required string RunId { get; init; }
        public int Read { get; private set; }
        public int Scored { get; set; }
        public int Changed { get; set; }
        public int Written { get; set; }
        public int Failed { get; set; }
        public int Handoffs { get; set; }
        public int HandoffMessages { get; set; }
        public required TierCrossingTally Crossings { get; init; }
        public bool CrossingsDigest { get; set; }
        public int AlertsSent { get; set; }
        public List<AccountFailure> PermanentFailures { get; } = [];
        public string? ApiError { get; set; }
        public bool BudgetExhausted { get; set; }
        public bool ReadComplete { get; set; }

        /// <summary>Whether the stream came in ascending LastModifiedAt order so far (partial progress can then be kept).</summary>
        public bool InOrder { get; private set; } = true;

        public DateTimeOffset? LastRead { get; private set; }
        public DateTimeOffset? MaxRead { get; private set; }

        /// <summary>The oldest LastModifiedAt of an account read but not safely written.</summary>
        public DateTimeOffset? OldestUnsafe { get; private set; }

        public void Saw(CrmAccount account)
        {
            Read++;
            if (LastRead is { } last && account.LastModifiedAt < last)
            {
                InOrder = false;
            }

            LastRead = account.LastModifiedAt;
            MaxRead = MaxRead is { } max && max > account.LastModifiedAt ? max : account.LastModifiedAt;
        }

        public void Unsafe(IEnumerable<CrmAccount> accounts) => Unsafe(accounts.Select(a => a.LastModifiedAt));

        public void Unsafe(IEnumerable<DateTimeOffset> lastModified)
        {
            foreach (var instant in lastModified)
            {
                if (OldestUnsafe is null || instant < OldestUnsafe)
                {
                    OldestUnsafe = instant;
                }
            }
        }
    }
}
