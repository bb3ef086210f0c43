using Alignment.Sync.History;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="IWriteLog"/> in memory (the same account, instant and run is one entry).</summary>
public sealed class InMemoryWriteLog : IWriteLog
{
    private readonly Dictionary<(string AccountId, DateTimeOffset At, string RunId), AccountChange> _entries = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<AccountChange> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Values.OrderBy(e => e.At).ThenBy(e => e.AccountId, StringComparer.Ordinal)];
            }
        }
    }

    public Task AppendAsync(IReadOnlyCollection<AccountChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            foreach (var change in changes)
            {
                _entries[(change.AccountId, change.At, change.RunId)] = change;
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<AccountChange> ListMovementsForWeekAsync(IsoWeek week, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<AccountChange> movements;
        lock (_gate)
        {
            movements = [.. _entries.Values.Where(e => IsoWeek.Of(e.At) == week).OrderBy(e => e.At).Select(TierMovement.Of).OfType<AccountChange>()];
        }

        foreach (var movement in movements)
        {
            await Task.Yield();
            yield return movement;
        }
    }

    public Task<IReadOnlyList<AccountChange>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AccountChange>>(
                [.. _entries.Values.Where(e => e.AccountId == accountId).OrderByDescending(e => e.At).Take(max)]);
        }
    }
}
