using Alignment.Sync.History;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="IWriteLog"/> in memory (the same account, instant and run is one entry).</summary>
public sealed class InMemoryWriteLog : IWriteLog
{
    private readonly Dictionary<(string AccountId, DateTimeOffset At, string RunId), AccountChange> entries = [];
    private readonly Lock gate = new();

    public IReadOnlyList<AccountChange> All
    {
        get
        {
            lock (gate)
            {
                return [.. entries.Values.OrderBy(e => e.At).ThenBy(e => e.AccountId, StringComparer.Ordinal)];
            }
        }
    }

    public Task AppendAsync(IReadOnlyCollection<AccountChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (gate)
        {
            foreach (var change in changes)
            {
                entries[(change.AccountId, change.At, change.RunId)] = change;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AccountChange>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AccountChange>>(
                [.. entries.Values.Where(e => e.AccountId == accountId).OrderByDescending(e => e.At).Take(max)]);
        }
    }
}
