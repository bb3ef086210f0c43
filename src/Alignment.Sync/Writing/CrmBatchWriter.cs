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
    public static Task<BatchWriteOutcome> WriteAsync(
        ICrm crm, IReadOnlyList<AccountWrite> writes, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(writes);
        return WriteBatchesAsync(crm, writes.Chunk(Math.Max(1, batchSize)).ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>
    /// Writes a partition's staged writes: in one go where the CRM writes staged writes itself
    /// (<see cref="IStagedCrmWriter"/>: Salesforce's one Bulk API 2.0 job), else in batches of <paramref name="batchSize"/>
    /// read from the staging file, with the same outcomes as above. In one go, a transient failure of the whole write
    /// makes every staged write a transient failure and a budget stop leaves them all not attempted (the partition is
    /// delivered again; the diff writes only what is still different).
    /// </summary>
    public static async Task<BatchWriteOutcome> WriteAsync(ICrm crm, IStagedWrites writes, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return BatchWriteOutcome.Empty;
        }

        if (crm is not IStagedCrmWriter staged)
        {
            return await WriteBatchesAsync(crm, writes.ReadAsync(cancellationToken).Chunk(Math.Max(1, batchSize)), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var result = await staged.WriteStagedAsync(writes, cancellationToken).ConfigureAwait(false);
            return new BatchWriteOutcome(result.Written, result.Failures, [], BudgetExhausted: false, ApiError: null);
        }
        catch (CrmBudgetExhaustedException)
        {
            var ids = await writes.ReadAsync(cancellationToken).Select(w => w.AccountId).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new BatchWriteOutcome([], [], ids, BudgetExhausted: true, "BUDGET_EXHAUSTED");
        }
        catch (CrmException ex) when (ex.IsTransient)
        {
            var code = CodeOf(ex);
            var failures = await writes.ReadAsync(cancellationToken)
                .Select(w => new CrmWriteFailure(w.AccountId, code, "The write call failed.", Transient: true))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new BatchWriteOutcome([], failures, [], BudgetExhausted: false, code);
        }
    }

    private static async Task<BatchWriteOutcome> WriteBatchesAsync(ICrm crm, IAsyncEnumerable<AccountWrite[]> batches, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        string? apiError = null;
        var next = batches.GetAsyncEnumerator(cancellationToken);
        await using (next.ConfigureAwait(false))
        {
            while (await next.MoveNextAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = next.Current;
                try
                {
                    var result = await crm.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    written.AddRange(result.Written);
                    failures.AddRange(result.Failures);
                }
                catch (CrmBudgetExhaustedException)
                {
                    var rest = batch.Select(w => w.AccountId).ToList();
                    while (await next.MoveNextAsync().ConfigureAwait(false))
                    {
                        rest.AddRange(next.Current.Select(w => w.AccountId));
                    }

                    return new BatchWriteOutcome(written, failures, rest, BudgetExhausted: true, apiError ?? "BUDGET_EXHAUSTED");
                }
                catch (CrmException ex) when (ex.IsTransient)
                {
                    var code = CodeOf(ex);
                    apiError ??= code;
                    failures.AddRange(batch.Select(w => new CrmWriteFailure(w.AccountId, code, "The write call failed.", Transient: true)));
                }
            }
        }

        return new BatchWriteOutcome(written, failures, [], BudgetExhausted: false, apiError);
    }

    private static string CodeOf(CrmException ex) => ex.ErrorCode ?? ex.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "TRANSIENT";
}
