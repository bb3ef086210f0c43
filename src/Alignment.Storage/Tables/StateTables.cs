using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.Storage.Tables;

/// <summary>Hands out the state tables, creating each one on first use (once per process).</summary>
internal sealed partial class StateTables(TableServiceClient service, IOptions<TableStateOptions> options, ILogger<StateTables> logger)
{
    private readonly ConcurrentDictionary<string, TableClient> _ready = new(StringComparer.Ordinal);

    public async ValueTask<TableClient> GetAsync(string suffix, CancellationToken cancellationToken)
    {
        if (_ready.TryGetValue(suffix, out var ready))
        {
            return ready;
        }

        var name = options.Value.TablePrefix + suffix;
        var client = service.GetTableClient(name);
        var created = await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        if (created.HasValue)
        {
            LogTableCreated(logger, name);
        }

        return _ready.GetOrAdd(suffix, client);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created state table {Table}")]
    private static partial void LogTableCreated(ILogger logger, string table);
}
