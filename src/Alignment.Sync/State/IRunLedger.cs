namespace Alignment.Sync.State;

/// <summary>Append-only record of job runs.</summary>
public interface IRunLedger
{
    Task AddAsync(RunRecord record, CancellationToken cancellationToken);

    /// <summary>The newest runs, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListRecentAsync(int max, CancellationToken cancellationToken);
}
