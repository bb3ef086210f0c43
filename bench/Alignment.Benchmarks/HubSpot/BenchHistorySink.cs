using System.Runtime.CompilerServices;
using Alignment.Sync.History;

namespace Alignment.Benchmarks.HubSpot;

/// <summary>A handoff history and write log that keep nothing, for the economy bench (it measures CRM traffic only).</summary>
internal sealed class BenchHistorySink : IHandoffHistory, IWriteLog
{
    public Task AddAsync(IReadOnlyCollection<HandoffRecord> records, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UpdateAsync(IReadOnlyCollection<HandoffFeedback> feedback, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<HandoffRecord>> ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HandoffRecord>>([]);

    public async IAsyncEnumerable<HandoffRecord> ListForWeekAsync(IsoWeek week, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    public Task AppendAsync(IReadOnlyCollection<AccountChange> changes, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<AccountChange> ListMovementsForWeekAsync(IsoWeek week, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    Task<IReadOnlyList<AccountChange>> IWriteLog.ListForAccountAsync(string accountId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AccountChange>>([]);
}
