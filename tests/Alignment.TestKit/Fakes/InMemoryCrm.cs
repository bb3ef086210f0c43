using System.Runtime.CompilerServices;
using Alignment.Core.Accounts;
using Alignment.Sync.Crm;
using Alignment.Sync.Writing;

namespace Alignment.TestKit.Fakes;

/// <summary>
/// An <see cref="ICrm"/> over a dictionary of accounts, with the fault injection the job tests need: whole-call
/// failures (503/429) on chosen calls, per-record write failures (transient or permanent), an API budget, and a
/// "crash" after a write reached the CRM. Reads stream in ascending <see cref="CrmAccount.LastModifiedAt"/> order,
/// one call per page; a write counts one call per batch of <see cref="WriteBatchSize"/>. A successful write moves the
/// record's LastModifiedAt to the time provider's now, as a real CRM does.
/// </summary>
public sealed class InMemoryCrm : ICrm, IAccountPartitioner
{
    private readonly Dictionary<string, CrmAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Func<CrmException>> _callFaults = [];
    private readonly Dictionary<string, Queue<CrmWriteFailure>> _recordFaults = new(StringComparer.Ordinal);
    private readonly List<AccountWrite> _writes = [];
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public InMemoryCrm(TimeProvider? time = null, string name = "memory")
    {
        this._time = time ?? TimeProvider.System;
        Name = name;
    }

    public string Name { get; }

    public int PageSize { get; set; } = 200;

    public int WriteBatchSize { get; set; } = 200;

    /// <summary>Calls allowed before every further call throws <see cref="CrmBudgetExhaustedException"/>; null: unlimited.</summary>
    public int? BudgetCalls { get; set; }

    /// <summary>All calls so far (faulted ones included).</summary>
    public int Calls { get; private set; }

    /// <summary>Calls to <see cref="WriteAsync"/> that reached the CRM (one per batch).</summary>
    public int WriteCalls { get; private set; }

    /// <summary>Every record write that succeeded, in order.</summary>
    public IReadOnlyList<AccountWrite> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Called after a write batch was applied; throw from it to simulate the process dying after the write.</summary>
    public Action<IReadOnlyList<AccountWrite>>? AfterWrite { get; set; }

    /// <summary>Adds or replaces an account.</summary>
    public InMemoryCrm Put(Account account, DateTimeOffset lastModifiedAt, Uri? url = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (_gate)
        {
            _accounts[account.Id] = new CrmAccount(account, lastModifiedAt, url);
        }

        return this;
    }

    /// <summary>Changes an account as a person or an integration would (LastModifiedAt moves to <paramref name="at"/>).</summary>
    public InMemoryCrm Update(string accountId, Func<Account, Account> change, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var stored = _accounts[accountId];
            _accounts[accountId] = stored with { Account = change(stored.Account), LastModifiedAt = at };
        }

        return this;
    }

    public Account Get(string accountId)
    {
        lock (_gate)
        {
            return _accounts[accountId].Account;
        }
    }

    public CrmAccount GetRecord(string accountId)
    {
        lock (_gate)
        {
            return _accounts[accountId];
        }
    }

    public IReadOnlyList<Account> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts.Values.Select(a => a.Account).OrderBy(a => a.Id, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Call number <paramref name="callNumber"/> (1-based, counting every call) fails with <paramref name="statusCode"/>.</summary>
    public InMemoryCrm FailCall(int callNumber, int statusCode = 503, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            _callFaults[callNumber] = () => new CrmException(Name, $"Injected {statusCode}.", statusCode,
                statusCode == 429 ? "REQUEST_LIMIT_EXCEEDED" : "SERVER_UNAVAILABLE", retryAfter);
        }

        return this;
    }

    /// <summary>Calls <paramref name="from"/> .. <paramref name="from"/>+<paramref name="count"/>-1 fail (a burst).</summary>
    public InMemoryCrm FailCalls(int from, int count, int statusCode = 503)
    {
        for (var i = 0; i < count; i++)
        {
            FailCall(from + i, statusCode);
        }

        return this;
    }

    /// <summary>The next <paramref name="times"/> writes of the account are refused with the given code.</summary>
    public InMemoryCrm FailWrites(string accountId, bool transient, int times = 1, string? errorCode = null)
    {
        lock (_gate)
        {
            if (!_recordFaults.TryGetValue(accountId, out var queue))
            {
                queue = new Queue<CrmWriteFailure>();
                _recordFaults[accountId] = queue;
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(new CrmWriteFailure(accountId,
                    errorCode ?? (transient ? "UNABLE_TO_LOCK_ROW" : "FIELD_CUSTOM_VALIDATION_EXCEPTION"),
                    transient ? "Record is locked." : "Validation rule failed.", transient));
            }
        }

        return this;
    }

    /// <summary>The write batch number <paramref name="writeCallNumber"/> (1-based) is applied, then the process "dies".</summary>
    public InMemoryCrm CrashAfterWriteCall(int writeCallNumber)
    {
        var previous = AfterWrite;
        AfterWrite = batch =>
        {
            previous?.Invoke(batch);
            if (WriteCalls == writeCallNumber)
            {
                throw new SimulatedCrashException("Crashed after the CRM write.");
            }
        };
        return this;
    }

    public async IAsyncEnumerable<CrmAccount> ReadAccountsAsync(CrmReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<CrmAccount> selected;
        lock (_gate)
        {
            selected = [.. _accounts.Values
                .Where(a => request.ModifiedSince is null || a.LastModifiedAt >= request.ModifiedSince)
                .Where(a => request.Range is not { } r
                    || ((r.From is null || string.CompareOrdinal(a.Account.Id, r.From) >= 0) && (r.To is null || string.CompareOrdinal(a.Account.Id, r.To) < 0)))
                .Where(a => request.Filter != CrmAccountFilter.OpenHandoffs
                    || a.Account.Current.HandoffStatus is Core.Handoffs.HandoffStatus.Pending or Core.Handoffs.HandoffStatus.Accepted)
                .OrderBy(a => a.LastModifiedAt)
                .ThenBy(a => a.Account.Id, StringComparer.Ordinal)];
        }

        for (var page = 0; page == 0 || page * PageSize < selected.Count; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Call();
            await Task.Yield();
            foreach (var account in selected.Skip(page * PageSize).Take(PageSize))
            {
                yield return Trim(account, request.SignalsSince);
            }
        }
    }

    /// <summary>Ranges of <paramref name="partitionSize"/> accounts in ordinal id order (one call).</summary>
    public Task<IReadOnlyList<AccountRange>> PlanAsync(int partitionSize, CancellationToken cancellationToken)
    {
        Call();
        List<string> ids;
        lock (_gate)
        {
            ids = [.. _accounts.Keys.Order(StringComparer.Ordinal)];
        }

        var ranges = ids.Chunk(partitionSize).Select((chunk, i) => new AccountRange(i == 0 ? null : chunk[0], null, chunk.Length)).ToList();
        for (var i = 0; i < ranges.Count - 1; i++)
        {
            ranges[i] = ranges[i] with { To = ranges[i + 1].From };
        }

        return Task.FromResult<IReadOnlyList<AccountRange>>(ranges.Count == 0 ? [new AccountRange(null, null, 0)] : ranges);
    }

    public Task<IReadOnlyList<CrmAccount>> GetAccountsAsync(
        IReadOnlyCollection<string> accountIds, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        Call();
        lock (_gate)
        {
            IReadOnlyList<CrmAccount> result = [.. accountIds.Distinct(StringComparer.Ordinal)
                .Where(_accounts.ContainsKey)
                .Select(id => Trim(_accounts[id], signalsSince))];
            return Task.FromResult(result);
        }
    }

    public Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        foreach (var batch in writes.Chunk(WriteBatchSize))
        {
            Call();
            lock (_gate)
            {
                WriteCalls++;
                foreach (var write in batch)
                {
                    if (_recordFaults.TryGetValue(write.AccountId, out var queue) && queue.TryDequeue(out var failure))
                    {
                        failures.Add(failure);
                        continue;
                    }

                    if (!_accounts.TryGetValue(write.AccountId, out var stored))
                    {
                        failures.Add(new CrmWriteFailure(write.AccountId, "ENTITY_IS_DELETED", "No such account.", Transient: false));
                        continue;
                    }

                    var account = stored.Account with { Current = AccountWriteApplier.Apply(stored.Account.Current, write) };
                    _accounts[write.AccountId] = stored with { Account = account, LastModifiedAt = _time.GetUtcNow() };
                    this._writes.Add(write);
                    written.Add(write.AccountId);
                }
            }

            AfterWrite?.Invoke(batch);
        }

        return Task.FromResult(new CrmWriteResult(written, failures));
    }

    public ApiUsage GetUsage()
    {
        lock (_gate)
        {
            return new ApiUsage(Calls, Calls, BudgetCalls);
        }
    }

    private void Call()
    {
        Func<CrmException>? fault;
        lock (_gate)
        {
            if (BudgetCalls is { } budget && Calls >= budget)
            {
                throw new CrmBudgetExhaustedException(Name, "Injected budget exhaustion.", new ApiUsage(Calls, Calls, budget));
            }

            Calls++;
            _callFaults.Remove(Calls, out fault);
        }

        if (fault is not null)
        {
            throw fault();
        }
    }

    private static CrmAccount Trim(CrmAccount account, DateTimeOffset signalsSince) =>
        account with { Account = account.Account with { Signals = [.. account.Account.Signals.Where(s => s.At >= signalsSince)] } };
}
