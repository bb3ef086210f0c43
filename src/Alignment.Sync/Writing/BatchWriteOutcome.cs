using Alignment.Sync.Crm;

namespace Alignment.Sync.Writing;

/// <summary>What <see cref="CrmBatchWriter"/> achieved.</summary>
/// <param name="Written">Ids written.</param>
/// <param name="Failures">Records refused (per-record failures, and every record of a batch whose whole call failed transiently).</param>
/// <param name="NotAttempted">Ids of the accounts whose write was not tried because the API budget ran out.</param>
/// <param name="BudgetExhausted">The CRM's budget ran out; the caller stops.</param>
/// <param name="ApiError">The first whole-call error code (no data), when one happened.</param>
public sealed record BatchWriteOutcome(
    IReadOnlyList<string> Written,
    IReadOnlyList<CrmWriteFailure> Failures,
    IReadOnlyList<string> NotAttempted,
    bool BudgetExhausted,
    string? ApiError)
{
    public IEnumerable<CrmWriteFailure> Transient => Failures.Where(f => f.Transient);

    public static BatchWriteOutcome Empty { get; } = new([], [], [], BudgetExhausted: false, ApiError: null);

    public IEnumerable<CrmWriteFailure> Permanent => Failures.Where(f => !f.Transient);
}
