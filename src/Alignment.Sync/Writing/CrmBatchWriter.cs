using System.Globalization;
using Alignment.Sync.Crm;

namespace Alignment.Sync.Writing;

/// <summary>
/// Writes account changes in batches. A batch whose whole call fails transiently (503, 429, timeout) is recorded as
/// transient failures of its records and the next batch is tried; the caller retries them on its next run. When the
/// budget runs out the remaining writes are returned as not attempted. Permanent whole-call failures propagate.
/// </summary>
public static class CrmBatchWriter
{
    public static async Task<BatchWriteOutcome> WriteAsync(
        ICrm crm, IReadOnlyList<AccountWrite> writes, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(writes);
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        string? apiError = null;
        var batches = writes.Chunk(Math.Max(1, batchSize)).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = batches[i];
            try
            {
                var result = await crm.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                written.AddRange(result.Written);
                failures.AddRange(result.Failures);
            }
            catch (CrmBudgetExhaustedException)
            {
                return new BatchWriteOutcome(written, failures, [.. batches.Skip(i).SelectMany(b => b).Select(w => w.AccountId)], BudgetExhausted: true, apiError ?? "BUDGET_EXHAUSTED");
            }
            catch (CrmException ex) when (ex.IsTransient)
            {
                var code = ex.ErrorCode ?? ex.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "TRANSIENT";
                apiError ??= code;
                failures.AddRange(batch.Select(w => new CrmWriteFailure(w.AccountId, code, "The write call failed.", Transient: true)));
            }
        }

        return new BatchWriteOutcome(written, failures, [], BudgetExhausted: false, apiError);
    }

    /// <summary>
    /// Writes a partition's staged writes in one go (<see cref="ICrm.WriteStagedAsync"/>), with the same outcomes: a
    /// transient failure of the whole write makes every staged write a transient failure, a budget stop leaves them all
    /// not attempted (the partition is delivered again; the diff writes only what is still different).
    /// </summary>
    public static async Task<BatchWriteOutcome> WriteAsync(ICrm crm, IStagedWrites writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return BatchWriteOutcome.Empty;
        }

        try
        {
            var result = await crm.WriteStagedAsync(writes, cancellationToken).ConfigureAwait(false);
            return new BatchWriteOutcome(result.Written, result.Failures, [], BudgetExhausted: false, ApiError: null);
        }
        catch (CrmBudgetExhaustedException)
        {
            var ids = await writes.ReadAsync(cancellationToken).Select(w => w.AccountId).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new BatchWriteOutcome([], [], ids, BudgetExhausted: true, "BUDGET_EXHAUSTED");
        }
        catch (CrmException ex) when (ex.IsTransient)
        {
            var code = ex.ErrorCode ?? ex.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "TRANSIENT";
            var failures = await writes.ReadAsync(cancellationToken)
                .Select(w => new CrmWriteFailure(w.AccountId, code, "The write call failed.", Transient: true))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new BatchWriteOutcome([], failures, [], BudgetExhausted: false, code);
        }
    }
}
