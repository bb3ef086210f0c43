using Alignment.Sync.State;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="ICheckpointStore"/> that honours ETags like the table store.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly Dictionary<string, Versioned<Checkpoint>> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Saves made so far (conflicts excluded).</summary>
    public int SaveCount { get; private set; }

    /// <summary>Called before a save is stored; throw from it to simulate a crash before the checkpoint.</summary>
    public Action<string, Checkpoint>? BeforeSave { get; set; }

    public Task<Versioned<Checkpoint>?> GetAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.GetValueOrDefault(name));
        }
    }

    public Task<Versioned<Checkpoint>> SaveAsync(string name, Checkpoint checkpoint, string? etag, CancellationToken cancellationToken)
    {
        BeforeSave?.Invoke(name, checkpoint);
        lock (_gate)
        {
            var exists = _items.TryGetValue(name, out var stored);
            if (etag is null ? exists : !exists || stored!.ETag != etag)
            {
                throw new ConcurrencyConflictException($"Checkpoint '{name}' changed or exists.");
            }

            var saved = new Versioned<Checkpoint>(checkpoint, ETagSequence.Next());
            _items[name] = saved;
            SaveCount++;
            return Task.FromResult(saved);
        }
    }
}
