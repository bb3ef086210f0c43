using System.Runtime.CompilerServices;
using Alignment.Sync.History;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="IHandoffHistory"/> in memory, keyed like the table store (account, handoff instant to the second).</summary>
public sealed class InMemoryHandoffHistory : IHandoffHistory
{
    private readonly Dictionary<(string AccountId, DateTimeOffset At), HandoffRecord> _records = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<HandoffRecord> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _records.Values.OrderBy(r => r.HandoffAt).ThenBy(r => r.AccountId, StringComparer.Ordinal)];
            }
        }
    }

    public Task AddAsync(IReadOnlyCollection<HandoffRecord> added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(added);
        lock (_gate)
        {
            foreach (var record in added)
            {
                _records[(record.AccountId, Seconds(record.HandoffAt))] = record with { HandoffAt = Seconds(record.HandoffAt) };
            }
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(IReadOnlyCollection<HandoffFeedback> feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (_gate)
        {
            foreach (var f in feedback)
            {
                var key = (f.AccountId, Seconds(f.HandoffAt));
                var current = _records.GetValueOrDefault(key)
                    ?? new HandoffRecord { AccountId = f.AccountId, HandoffAt = key.Item2, Rule = "unknown", Due = key.Item2 };
                _records[key] = current with
                {
                    Status = f.Status,
                    FirstResponseAt = f.FirstResponseAt ?? current.FirstResponseAt,
                    Outcome = f.Outcome ?? current.Outcome,
                    RejectionReason = f.RejectionReason ?? current.RejectionReason,
                    WrongTier = f.WrongTier,
                    UpdatedAt = f.UpdatedAt,
                };
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<HandoffRecord>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<HandoffRecord>>(
                [.. _records.Values.Where(r => r.AccountId == accountId).OrderByDescending(r => r.HandoffAt).Take(max)]);
        }
    }

    public async IAsyncEnumerable<HandoffRecord> ListForWeekAsync(IsoWeek week, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<HandoffRecord> selected;
        lock (_gate)
        {
            selected = [.. _records.Values.Where(r => IsoWeek.Of(r.HandoffAt) == week).OrderBy(r => r.HandoffAt).ThenBy(r => r.AccountId, StringComparer.Ordinal)];
        }

        foreach (var record in selected)
        {
            await Task.Yield();
            yield return record;
        }
    }

    private static DateTimeOffset Seconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
