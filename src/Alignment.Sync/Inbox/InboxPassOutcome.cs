namespace Alignment.Sync.Inbox;

/// <summary>
/// What one drain pass achieved per account, and the verdict it implies for each item. An item is Done only when every
/// account it names was written or needed no write; a failed account sends back only the items that name it.
/// </summary>
/// <remarks>
/// An id the CRM returned no account for is either gone (nothing to do) or a reference the adapter resolved to other
/// accounts (a HubSpot contact or activity, <c>contacts:123</c>). The pass cannot tell which account such an item
/// depends on, so it is Done when nothing in the pass failed, and otherwise goes back with the others: never lost, at
/// worst processed again (the diff makes that write nothing).
/// </remarks>
internal sealed class InboxPassOutcome
{
    private readonly Dictionary<string, string> _failed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notAttempted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private string? _wholeError;
    private string? _release;

    /// <summary>The whole pass failed (the read, or a write call refused as a whole): every item retries with this code.</summary>
    public static InboxPassOutcome Failed(string error) => new() { _wholeError = error };

    /// <summary>The pass stopped before doing anything for good (budget, lease): every item goes back, attempt not counted.</summary>
    public static InboxPassOutcome Released(string reason) => new() { _release = reason };

    public int Read => _read.Count;

    public int Written { get; private set; }

    public int Failures => _failed.Count;

    public void MarkRead(string accountId) => _read.Add(accountId);

    public void MarkWritten(int count) => Written += count;

    public void MarkFailed(string accountId, string errorCode) => _failed.TryAdd(accountId, errorCode);

    public void MarkNotAttempted(string accountId) => _notAttempted.Add(accountId);

    public InboxItemVerdict VerdictFor(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_release is not null)
        {
            return InboxItemVerdict.Release(_release);
        }

        if (_wholeError is not null)
        {
            return InboxItemVerdict.Retry(_wholeError);
        }

        var unresolved = false;
        var budget = false;
        foreach (var id in item.AccountIds)
        {
            if (_failed.TryGetValue(id, out var code))
            {
                return InboxItemVerdict.Retry(code);
            }

            budget |= _notAttempted.Contains(id);
            unresolved |= !_read.Contains(id);
        }

        if (budget || (unresolved && _notAttempted.Count > 0))
        {
            return InboxItemVerdict.Release("BUDGET_EXHAUSTED");
        }

        return unresolved && _failed.Count > 0 ? InboxItemVerdict.Retry(_failed.Values.First()) : InboxItemVerdict.Done;
    }
}
