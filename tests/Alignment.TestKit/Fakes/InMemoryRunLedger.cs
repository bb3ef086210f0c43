using Alignment.Sync.State;

namespace Alignment.TestKit.Fakes;

/// <summary>An in-memory <see cref="IRunLedger"/>.</summary>
public sealed class InMemoryRunLedger : IRunLedger
{
    private readonly List<RunRecord> records = [];
    private readonly Lock gate = new();

    public IReadOnlyList<RunRecord> All
    {
        get
        {
            lock (gate)
            {
                return [.. records];
            }
        }
    }

    public Task AddAsync(RunRecord record, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunRecord>> ListRecentAsync(int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<RunRecord> result = [.. records.OrderByDescending(r => r.StartedAt).Take(max)];
            return Task.FromResult(result);
        }
    }
}
