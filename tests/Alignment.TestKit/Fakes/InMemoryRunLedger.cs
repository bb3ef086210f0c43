using Alignment.Sync.State;

namespace Alignment.TestKit.Fakes;

/// <summary>An in-memory <see cref="IRunLedger"/>.</summary>
public sealed class InMemoryRunLedger : IRunLedger
{
    private readonly List<RunRecord> _records = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<RunRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public Task AddAsync(RunRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunRecord>> ListRecentAsync(int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<RunRecord> result = [.. _records.OrderByDescending(r => r.StartedAt).Take(max)];
            return Task.FromResult(result);
        }
    }
}
