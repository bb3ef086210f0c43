namespace Alignment.Sync.State;

/// <summary>Checkpoints by name (e.g. <c>salesforce:scoring</c>).</summary>
public interface ICheckpointStore
{
    Task<Versioned<Checkpoint>?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the checkpoint. With <paramref name="etag"/> null the checkpoint must not exist yet; otherwise the stored
    /// one must still carry that ETag. Throws <see cref="ConcurrencyConflictException"/> when not.
    /// </summary>
    Task<Versioned<Checkpoint>> SaveAsync(string name, Checkpoint checkpoint, string? etag, CancellationToken cancellationToken);
}
