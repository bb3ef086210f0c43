using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Storage.Tables;

/// <summary>
/// Hands out the state tables, creating each one on first use (once per process); a bucketed history table is first
/// brought to its current layout (<see cref="BucketedLayout"/>).
/// </summary>
internal sealed partial class StateTables(TableServiceClient service, IOptions<TableStateOptions> options, ILogger<StateTables> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public ValueTask<TableClient> GetAsync(string suffix, CancellationToken cancellationToken) => GetAsync(suffix, bucketed: false, cancellationToken);

    /// <summary>A per-account history table keyed by <see cref="AccountBucket"/>, its rows of the old layout moved first.</summary>
    public ValueTask<TableClient> GetBucketedAsync(string suffix, CancellationToken cancellationToken) => GetAsync(suffix, bucketed: true, cancellationToken);

    private ValueTask<TableClient> GetAsync(string suffix, bool bucketed, CancellationToken cancellationToken)
    {
        var preparing = _tables.GetOrAdd(suffix, s => new Lazy<Task<TableClient>>(() => PrepareAsync(s, bucketed, cancellationToken)));
        return preparing.Value.IsCompletedSuccessfully ? ValueTask.FromResult(preparing.Value.Result) : new ValueTask<TableClient>(AwaitAsync(suffix, preparing, cancellationToken));
    }

    /// <summary>Waits for the one preparation of a table; one that failed (or was cancelled) is forgotten, so the next use tries again.</summary>
    private async Task<TableClient> AwaitAsync(string suffix, Lazy<Task<TableClient>> preparing, CancellationToken cancellationToken)
    {
        try
        {
            return await preparing.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (!preparing.Value.IsCompletedSuccessfully && preparing.Value.IsCompleted)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(suffix, preparing));
            throw;
        }
    }

    private async Task<TableClient> PrepareAsync(string suffix, bool bucketed, CancellationToken cancellationToken)
    {
        var name = options.Value.TablePrefix + suffix;
        var client = service.GetTableClient(name);
        var created = await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        if (created.HasValue)
        {
            LogTableCreated(logger, name);
        }

        if (bucketed)
        {
            await BucketedLayout.EnsureAsync(client, logger, cancellationToken).ConfigureAwait(false);
        }

        return client;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created state table {Table}")]
    private static partial void LogTableCreated(ILogger logger, string table);
}
