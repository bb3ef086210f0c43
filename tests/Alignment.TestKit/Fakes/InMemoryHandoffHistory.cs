using System.Runtime.CompilerServices;
using Alignment.Sync.History;

namespace Alignment.TestKit.Fakes;

/// <summary>An <see cref="IHandoffHistory"/> in memory, keyed like the table store (account, handoff instant to the second).</summary>
public sealed class InMemoryHandoffHistory : IHandoffHistory
{
    private readonly Dictionary<(string AccountId, DateTimeOffset At), HandoffRecord> records = [];
    private readonly Lock gate = new();

    public IReadOnlyList<HandoffRecord> All
    {
        get
        {
            lock (gate)
            {
                return [.. records.Values.OrderBy(r => r.HandoffAt).ThenBy(r => r.AccountId, StringComparer.Ordinal)];
            }
        }
    }

    public Task AddAsync(IReadOnlyCollection<HandoffRecord> added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(added);
        lock (gate)
        {
            foreach (var record in added)
            {
                records[(record.AccountId, Seconds(record.HandoffAt))] = record with { HandoffAt = Seconds(record.HandoffAt) };
            }
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(IReadOnlyCollection<HandoffFeedback> feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        lock (gate)
        {
            foreach (var f in feedback)
            {
                var key = (f.AccountId, Seconds(f.HandoffAt));
                var current = records.GetValueOrDefault(key)
                    ?? new HandoffRecord { AccountId = f.AccountId, HandoffAt = key.Item2, Rule = "unknown", Due = key.Item2 };
                records[key] = current with
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
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<HandoffRecord>>(
                [.. records.Values.Where(r => r.AccountId == accountId).OrderByDescending(r => r.HandoffAt).Take(max)]);
        }
    }

    public async IAsyncEnumerable<HandoffRecord> ListForWeekAsync(IsoWeek week, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<HandoffRecord> selected;
        lock (gate)
        {
            selected = [.. records.Values.Where(r => IsoWeek.Of(r.HandoffAt) == week).OrderBy(r => r.HandoffAt).ThenBy(r => r.AccountId, StringComparer.Ordinal)];
        }

        foreach (var record in selected)
        {
            await Task.Yield();
            yield return record;
        }
    }

    private static DateTimeOffset Seconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
