using Alignment.HubSpot.Http;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Logging;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// Writes the changed <c>alignment_*</c> properties with <c>batch/update</c> (100 a call): a 207's errors mapped back
/// to their records, a batch refused whole for validation split in halves to find the bad records, a batch that fails
/// after the retries ends the write (the rest reported as retryable, not attempted).
/// </summary>
internal sealed class HubSpotCompanyWriter(HubSpotClient client, HubSpotWriteMapper writes, ILogger logger)
{
    private readonly HubSpotClient _client = client;
    private readonly HubSpotWriteMapper _writes = writes;
    private readonly ILogger _logger = logger;

    public async Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var inputs = writes
            .Select(w => new BatchUpdateInput(w.AccountId, _writes.Properties(w), w.AccountId))
            .Where(i => i.Properties.Count > 0)
            .ToList();
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        HubSpotException? outage = null;
        foreach (var chunk in inputs.Chunk(HubSpotClient.BatchSize))
        {
            if (outage is not null)
            {
                // HubSpot failed a whole call after the retries: don't hammer it; report the rest as retryable.
                failures.AddRange(chunk.Select(i => new CrmWriteFailure(i.Id, outage.ErrorCode ?? "UNAVAILABLE", "Not attempted: an earlier batch failed as a whole.", true)));
                continue;
            }

            outage = await WriteChunkAsync(chunk, written, failures, cancellationToken).ConfigureAwait(false);
        }

        return new CrmWriteResult(written, failures);
    }

    /// <summary>Writes one batch; a batch refused as a whole for validation is split to find the bad records.</summary>
    private async Task<HubSpotException?> WriteChunkAsync(
        IReadOnlyList<BatchUpdateInput> chunk, List<string> written, List<CrmWriteFailure> failures, CancellationToken cancellationToken)
    {
        BatchResponse response;
        try
        {
            response = await _client.BatchUpdateAsync("companies", new BatchUpdateRequest(chunk), cancellationToken).ConfigureAwait(false);
        }
        catch (HubSpotException e) when (e.StatusCode is 400 or 404 or 409 or 422)
        {
            if (chunk.Count > 1)
            {
                var half = chunk.Count / 2;
                await WriteChunkAsync([.. chunk.Take(half)], written, failures, cancellationToken).ConfigureAwait(false);
                return await WriteChunkAsync([.. chunk.Skip(half)], written, failures, cancellationToken).ConfigureAwait(false);
            }

            failures.Add(new CrmWriteFailure(chunk[0].Id, e.ErrorCode ?? "VALIDATION_ERROR", e.Message, Transient: false));
            return null;
        }
        catch (HubSpotException e) when (e.StatusCode is null or 429 or >= 500)
        {
            HubSpotLog.ChunkFailed(_logger, chunk.Count, e.StatusCode ?? 0, e.ErrorCode ?? "");
            failures.AddRange(chunk.Select(i => new CrmWriteFailure(i.Id, e.ErrorCode ?? "UNAVAILABLE", e.Message, Transient: true)));
            return e;
        }

        var ids = chunk.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in response.Errors ?? [])
        {
            foreach (var id in FailedIds(error, ids, chunk.Count == 1 ? chunk[0].Id : null))
            {
                if (failed.Add(id))
                {
                    failures.Add(new CrmWriteFailure(id, error.Category ?? "ERROR", error.Message ?? "HubSpot refused the record.", IsTransient(error.Category)));
                }
            }
        }

        var confirmed = (response.Results ?? []).Select(r => r.Id).Where(ids.Contains).ToHashSet(StringComparer.Ordinal);
        foreach (var id in chunk.Select(i => i.Id))
        {
            if (failed.Contains(id))
            {
                continue;
            }

            if (confirmed.Contains(id))
            {
                written.Add(id);
            }
            else
            {
                failures.Add(new CrmWriteFailure(id, "NOT_CONFIRMED", "HubSpot's answer neither confirmed nor refused the record.", Transient: true));
            }
        }

        if (failed.Count > 0)
        {
            HubSpotLog.PartialWrite(_logger, failed.Count, chunk.Count);
        }

        return null;
    }

    /// <summary>207 errors name the record in <c>context.id</c>, or echo our <c>objectWriteTraceId</c> (the account id).</summary>
    private static IEnumerable<string> FailedIds(StandardError error, HashSet<string> ids, string? single)
    {
        var found = new List<string>();
        if (error.Context is { } context)
        {
            foreach (var key in new[] { "id", "ids", "objectWriteTraceId" })
            {
                if (context.TryGetValue(key, out var values))
                {
                    found.AddRange(values.Where(ids.Contains));
                }
            }
        }

        if (error.Id is { } id && ids.Contains(id))
        {
            found.Add(id);
        }

        if (found.Count == 0 && single is not null)
        {
            found.Add(single);
        }

        return found;
    }

    private static bool IsTransient(string? category) =>
        category is "RATE_LIMITS" or "INTERNAL_ERROR" or "SERVICE_UNAVAILABLE" or "TIMEOUT" or "LOCKED";
}
