namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// Fault injection for the Salesforce emulator; every member is safe to change while requests run.
/// Token expiry is <see cref="SalesforceEmulator.ExpireTokens"/>.
/// </summary>
public sealed class SalesforceFaults
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _locks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _validation = new(StringComparer.Ordinal);
    private int _failures;
    private int _concurrentLimit;
    private int _failedBulkJobs;
    private string _bulkFailure = "";
    private int _failureStatus = 503;
    private long _latencyTicks;
    private volatile bool _requestLimitExceeded;

    /// <summary>Added before every REST answer (token calls included).</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Every data call answers 403 REQUEST_LIMIT_EXCEEDED while true.</summary>
    public bool RequestLimitExceeded
    {
        get => _requestLimitExceeded;
        set => _requestLimitExceeded = value;
    }

    /// <summary>The next <paramref name="count"/> data calls answer <paramref name="statusCode"/> (503 by default) with an error body.</summary>
    public void FailNextRequests(int count, int statusCode = 503)
    {
        lock (_lock)
        {
            _failures = count;
            _failureStatus = statusCode;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> data calls answer 403 REQUEST_LIMIT_EXCEEDED "ConcurrentPerOrgLongTxn Limit
    /// exceeded." (too many long-running requests at once; unlike the daily limit it clears by itself).
    /// </summary>
    public void ExceedConcurrentRequestLimit(int count)
    {
        lock (_lock)
        {
            _concurrentLimit = count;
        }
    }

    /// <summary>The next <paramref name="times"/> writes of each account answer UNABLE_TO_LOCK_ROW for that record.</summary>
    public void LockRows(IEnumerable<string> accountIds, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        lock (_lock)
        {
            foreach (var id in accountIds)
            {
                _locks[id] = times;
            }
        }
    }

    /// <summary>Writes of these accounts fail with FIELD_CUSTOM_VALIDATION_EXCEPTION (a validation rule) until cleared.</summary>
    public void RejectRecords(IEnumerable<string> accountIds, string message = "Alignment fields are frozen for this account.")
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        lock (_lock)
        {
            foreach (var id in accountIds)
            {
                _validation[id] = message;
            }
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> Bulk API 2.0 jobs (query or ingest) end in state <c>Failed</c> with
    /// <paramref name="errorMessage"/>; an ingest job then processes none of its rows (all are unprocessed).
    /// </summary>
    public void FailNextBulkJobs(int count, string errorMessage = "InternalServerError : Failed to process the job.")
    {
        lock (_lock)
        {
            _failedBulkJobs = count;
            _bulkFailure = errorMessage;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _locks.Clear();
            _validation.Clear();
            _failures = 0;
            _concurrentLimit = 0;
            _failedBulkJobs = 0;
        }

        Latency = TimeSpan.Zero;
        RequestLimitExceeded = false;
    }

    internal bool TryTakeFailure(out int statusCode)
    {
        lock (_lock)
        {
            statusCode = _failureStatus;
            if (_failures <= 0)
            {
                return false;
            }

            _failures--;
            return true;
        }
    }

    internal bool TryTakeConcurrentLimit()
    {
        lock (_lock)
        {
            if (_concurrentLimit <= 0)
            {
                return false;
            }

            _concurrentLimit--;
            return true;
        }
    }

    internal string? TryTakeBulkFailure()
    {
        lock (_lock)
        {
            if (_failedBulkJobs <= 0)
            {
                return null;
            }

            _failedBulkJobs--;
            return _bulkFailure;
        }
    }

    internal bool TryTakeLock(string id)
    {
        lock (_lock)
        {
            if (!_locks.TryGetValue(id, out var left) || left <= 0)
            {
                return false;
            }

            _locks[id] = left - 1;
            return true;
        }
    }

    internal string? ValidationError(string id)
    {
        lock (_lock)
        {
            return _validation.GetValueOrDefault(id);
        }
    }
}
