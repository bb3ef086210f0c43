namespace Alignment.Sync.Crm;

/// <summary>The outcome of <see cref="ICrm.WriteAsync"/>.</summary>
/// <param name="Written">Ids of the accounts whose write succeeded.</param>
/// <param name="Failures">Per-record failures, each with the CRM's error code.</param>
public sealed record CrmWriteResult(IReadOnlyList<string> Written, IReadOnlyList<CrmWriteFailure> Failures)
{
    public static CrmWriteResult Empty { get; } = new([], []);
}
