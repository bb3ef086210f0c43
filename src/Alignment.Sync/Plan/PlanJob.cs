using Alignment.Core.Accounts;
using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;
using Alignment.Sync.Sla;
using Alignment.Sync.State;
using Alignment.Sync.Writing;
using Microsoft.Extensions.Options;

namespace Alignment.Sync.Plan;

/// <summary>
/// The dry run: what the scoring run would write (per account, field, old → new), the handoffs it would make, and the
/// SLA alerts the sweep would send, for RevOps to read before a model change. Reads only: nothing is written to the
/// CRM, no alert is sent or recorded, the checkpoint, tier history and run ledger are untouched.
/// </summary>
public sealed class PlanJob(
    ICrm crm,
    ICheckpointStore checkpoints,
    ITierHistoryStore tierHistory,
    IAlertLedger alertLedger,
    AccountPlanner planner,
    SlaPlanner slaPlanner,
    IOptions<SyncOptions> options,
    TimeProvider time)
{
    private readonly SyncOptions _settings = options.Value;

    public async Task<PlanReport> RunAsync(PlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var callsBefore = crm.GetUsage().Calls;
        DateTimeOffset? since = null;
        if (!request.Full)
        {
            since = (await checkpoints.GetAsync(ScoringRunJob.CheckpointName(crm.Name), cancellationToken).ConfigureAwait(false))?.Value.ModifiedSince;
        }

        var signalsSince = SignalWindow.Since(now, _settings, planner.Rules);
        var accounts = new List<PlannedAccount>();
        var moves = new Dictionary<(Core.Tiers.Tier From, Core.Tiers.Tier To), int>();
        var read = 0;
        var unchanged = 0;
        var buffer = new List<CrmAccount>();
        await foreach (var account in crm.ReadAccountsAsync(new CrmReadRequest(since, signalsSince), cancellationToken).ConfigureAwait(false))
        {
            read++;
            buffer.Add(account);
            if (buffer.Count >= _settings.WriteBatchSize)
            {
                unchanged += await PlanBatchAsync(buffer, accounts, moves, now, cancellationToken).ConfigureAwait(false);
            }

            if (request.MaxAccounts is { } max && read >= max)
            {
                break;
            }
        }

        unchanged += await PlanBatchAsync(buffer, accounts, moves, now, cancellationToken).ConfigureAwait(false);
        return new PlanReport
        {
            Crm = crm.Name,
            ModelVersion = planner.Rules.ModelVersion,
            AsOf = now,
            Read = read,
            Accounts = accounts,
            Unchanged = unchanged,
            ApiCalls = crm.GetUsage().Calls - callsBefore,
            Migration = [.. moves.OrderBy(m => m.Key.From).ThenBy(m => m.Key.To).Select(m => new PlanTierMove(m.Key.From, m.Key.To, m.Value))],
            WriteCalls = (accounts.Count(a => a.Changes.Count > 0) + _settings.WriteBatchSize - 1) / _settings.WriteBatchSize,
        };
    }

    /// <returns>How many accounts of the batch need nothing.</returns>
    private async Task<int> PlanBatchAsync(
        List<CrmAccount> buffer, List<PlannedAccount> into, Dictionary<(Core.Tiers.Tier From, Core.Tiers.Tier To), int> moves, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (buffer.Count == 0)
        {
            return 0;
        }

        var latest = await tierHistory.GetLatestAsync([.. buffer.Select(a => a.Account.Id)], cancellationToken).ConfigureAwait(false);
        var unchanged = 0;
        foreach (var source in buffer)
        {
            var plan = planner.Plan(source, latest.GetValueOrDefault(source.Account.Id), now);
            var current = source.Account.Current ?? AlignmentState.Empty;
            var wanted = plan.Wanted;
            var move = (current.Tier, wanted.Tier);
            moves[move] = moves.GetValueOrDefault(move) + 1;
            var alerts = new List<PlannedAlert>();
            if (plan.Handoff is null && slaPlanner.Plan(source, wanted, now) is { } sla)
            {
                wanted = sla.Wanted;
                foreach (var alert in sla.Alerts)
                {
                    if (await alertLedger.GetAsync(alert.Key, cancellationToken).ConfigureAwait(false) is null)
                    {
                        alerts.Add(new PlannedAlert(alert.Level, alert.Key));
                    }
                }
            }

            var write = AlignmentDiff.Compute(source.Account.Id, current, wanted);
            if (write is null && alerts.Count == 0)
            {
                unchanged++;
                continue;
            }

            var changes = write is null
                ? []
                : Enum.GetValues<AlignmentField>()
                    .Where(write.Fields.Contains)
                    .Select(f => new PlannedChange(f, AccountWriteApplier.Format(current, f), AccountWriteApplier.Format(wanted, f)))
                    .ToList();
            var handoff = plan.Handoff is { } h ? new PlannedHandoff(h.Rule, h.Tier, h.SlaDue) : null;
            into.Add(new PlannedAccount(source.Account.Id, plan.Evaluation.Score, plan.Evaluation.Tier, plan.Evaluation.SuggestedTier, changes, handoff, alerts));
        }

        buffer.Clear();
        return unchanged;
    }
}
