using Alignment.Sync.State;

namespace Alignment.EndToEnd.Tests.Support;

/// <summary>The real checkpoint store; the process dies when the job is about to save the checkpoint (its writes are done).</summary>
internal sealed class CrashingCheckpointStore(ICheckpointStore inner, CrashSwitch crash) : ICheckpointStore
{
    public Task<Versioned<Checkpoint>?> GetAsync(string name, CancellationToken cancellationToken) => inner.GetAsync(name, cancellationToken);

    public Task<Versioned<Checkpoint>> SaveAsync(string name, Checkpoint checkpoint, string? etag, CancellationToken cancellationToken)
    {
        crash.Trip("before the checkpoint was saved");
        return inner.SaveAsync(name, checkpoint, etag, cancellationToken);
    }
}
