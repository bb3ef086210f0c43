using Alignment.Sync.State;
using Azure;

namespace Alignment.Storage.Tables;

/// <summary>Maps Table service failures that mean "someone else got there first" to <see cref="ConcurrencyConflictException"/>.</summary>
internal static class TableFailures
{
    /// <summary>409 (the key exists), 412 (the ETag no longer matches) or 404 (the entity to update is gone).</summary>
    public static bool IsConflict(RequestFailedException exception) => exception.Status is 409 or 412 or 404;

    public static ConcurrencyConflictException Conflict(string what, string key, Exception? inner = null) =>
        new($"The {what} '{key}' was changed or created by someone else (optimistic concurrency); read it again and retry.", inner);
}
