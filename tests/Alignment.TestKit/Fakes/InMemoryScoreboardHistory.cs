using Alignment.Sync.Scoreboard;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="IScoreboardHistory"/> in memory (one row per CRM and week).</summary>
public sealed class InMemoryScoreboardHistory : IScoreboardHistory
{
    private readonly Dictionary<(string Crm, string Week), StoredScoreboardWeek> _rows = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<StoredScoreboardWeek> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values.OrderBy(r => r.Scoreboard.Week, StringComparer.Ordinal)];
            }
        }
    }

    public Task SaveAsync(StoredScoreboardWeek row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_gate)
        {
            _rows[(row.Crm, row.Scoreboard.Week)] = row;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredScoreboardWeek>> ListAsync(string crm, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredScoreboardWeek>>(
                [.. _rows.Values.Where(r => r.Crm == crm).OrderByDescending(r => r.Scoreboard.Week, StringComparer.Ordinal).Take(max)]);
        }
    }
}
