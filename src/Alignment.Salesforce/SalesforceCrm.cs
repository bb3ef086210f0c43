using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Alignment.Core.Signals;
using Alignment.Salesforce.Auth;
using Alignment.Salesforce.Bulk;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Logging;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Soql;
using Alignment.Salesforce.Wire;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace Alignment.Salesforce;

/// <summary>
/// <see cref="ICrm"/> over the Salesforce REST API: SOQL with child subqueries streamed page by page, sObject
/// Collections writes of the changed fields (200 a call, <c>allOrNone=false</c>), the daily budget watched on every call.
/// Above <see cref="SalesforceOptions.BulkThreshold"/> records, a partition of a full rescore is read, and a batch of
/// writes written, through Bulk API 2.0 instead (<see cref="SalesforceBulkReader"/>, <see cref="SalesforceBulkWriter"/>).
/// </summary>
internal sealed class SalesforceCrm(
    SalesforceApiClient api,
    SalesforceBulkReader bulkReader,
    SalesforceBulkWriter bulkWriter,
    SalesforceApiUsageTracker usage,
    SalesforceTokenCache tokens,
    IOptions<SalesforceOptions> options,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<SalesforceCrm> logger) : ICrm
{
    public const string CrmName = "salesforce";

    private static readonly HashSet<string> TransientRecordErrors = new(StringComparer.Ordinal) { "UNABLE_TO_LOCK_ROW" };

    private readonly SalesforceOptions _o = options.Value;
    private readonly SalesforceQueryBuilder _queries = new(options.Value);
    private readonly SalesforceSignalMapper _signals = new(options.Value.Signals);
    private readonly SalesforceAccountMapper _accounts = new(options.Value.Fields);

    public string Name => CrmName;

    public ApiUsage GetUsage() => usage.Snapshot();

    public async IAsyncEnumerable<CrmAccount> ReadAccountsAsync(CrmReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = request.Filter == CrmAccountFilter.OpenHandoffs ? _queries.OpenHandoffs() : null;
        if (request.Range is { } range && request.ModifiedSince is null && filter is null && range.Count > _o.BulkThreshold)
        {
            await foreach (var account in bulkReader.ReadAsync(range, request.SignalsSince, cancellationToken).ConfigureAwait(false))
            {
                yield return account;
            }

            yield break;
        }

        if (request.Range is { } restRange)
        {
            filter = SalesforceQueryBuilder.And(filter, SalesforceQueryBuilder.IdRange("Id", restRange.From, restRange.To));
        }

        if (request.ModifiedSince is not { } since)
        {
            await foreach (var account in ReadWhereAsync(filter, request.SignalsSince, cancellationToken).ConfigureAwait(false))
            {
                yield return account;
            }

            yield break;
        }

        // Incremental: one query per reason (SOQL refuses OR around semi-joins); ids seen are remembered for this run only.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in _queries.ChangedSince(since))
        {
            await foreach (var account in ReadWhereAsync(SalesforceQueryBuilder.And(filter, clause), request.SignalsSince, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(account.Account.Id))
                {
                    yield return account;
                }
            }
        }

        if (!_o.Signals.CampaignMembers)
        {
            yield break;
        }

        var viaCampaigns = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var member in QueryAllAsync(SalesforceQueryBuilder.ChangedCampaignMemberAccounts(since), cancellationToken).ConfigureAwait(false))
        {
            if (SalesforceRecord.String(member, "Contact.AccountId") is { } id && SoqlLiteral.IsSalesforceId(id) && !seen.Contains(id))
            {
                viaCampaigns.Add(id);
            }
        }

        foreach (var chunk in viaCampaigns.Order(StringComparer.Ordinal).Chunk(_o.IdChunkSize))
        {
            await foreach (var account in ReadWhereAsync(SalesforceQueryBuilder.And(filter, SalesforceQueryBuilder.IdIn(chunk)), request.SignalsSince, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(account.Account.Id))
                {
                    yield return account;
                }
            }
        }
    }

    public async Task<IReadOnlyList<CrmAccount>> GetAccountsAsync(
        IReadOnlyCollection<string> accountIds, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var result = new List<CrmAccount>();
        var ids = accountIds.Where(SoqlLiteral.IsSalesforceId).Distinct(StringComparer.Ordinal).ToList();
        var fixedLength = _queries.Accounts(SalesforceQueryBuilder.IdIn([]), signalsSince).Length;
        foreach (var chunk in SalesforceQueryBuilder.IdChunks(ids, _o.NamedIdChunkSize, SalesforceApiClient.MaxSoqlLength - fixedLength))
        {
            await foreach (var account in ReadWhereAsync(SalesforceQueryBuilder.IdIn(chunk), signalsSince, cancellationToken, _o.NamedIdChunkSize).ConfigureAwait(false))
            {
                result.Add(account);
            }
        }

        return result;
    }

    public async Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var written = new List<string>();
        var failures = new List<CrmWriteFailure>();
        var pending = new List<AccountWrite>();
        foreach (var write in writes)
        {
            if (!SoqlLiteral.IsSalesforceId(write.AccountId))
            {
                failures.Add(new CrmWriteFailure(write.AccountId, "MALFORMED_ID", "Not a 15 or 18 character Salesforce id.", Transient: false));
            }
            else if (!SalesforceWriteMapper.HasWritableFields(write))
            {
                written.Add(write.AccountId); // nothing the connector may write (the lock is a human's field)
            }
            else
            {
                pending.Add(write);
            }
        }

        if (pending.Count > _o.BulkThreshold)
        {
            var bulk = await bulkWriter.WriteAsync(pending, TransientRecordErrors, cancellationToken).ConfigureAwait(false);
            written.AddRange(bulk.Written);
            failures.AddRange(bulk.Failures);
            pending = bulk.RetryViaRest; // refused with a transient code: the REST path's record retries take them
        }

        foreach (var batch in pending.Chunk(_o.WriteBatchSize))
        {
            await WriteBatchAsync(batch, written, failures, cancellationToken).ConfigureAwait(false);
        }

        return new CrmWriteResult(written, failures);
    }

    private async Task WriteBatchAsync(IReadOnlyList<AccountWrite> batch, List<string> written, List<CrmWriteFailure> failures, CancellationToken cancellationToken)
    {
        // Each attempt writes the records still pending and returns those refused with a transient code; the named
        // pipeline (SalesforcePipelines.RecordRetry) waits and tries again while any remain and attempts are left.
        var attempt = 0;
        var pending = batch;
        await pipelines.GetPipeline<IReadOnlyList<AccountWrite>>(SalesforcePipelines.RecordRetry).ExecuteAsync(
            async token =>
            {
                attempt++;
                var results = await api.UpdateCollectionAsync(SalesforceWriteMapper.Serialize(pending, _o.Fields), token).ConfigureAwait(false);
                var retry = new List<AccountWrite>();
                for (var i = 0; i < pending.Count; i++)
                {
                    var id = pending[i].AccountId;
                    var result = i < results.Count ? results[i] : null;
                    if (result is { Success: true })
                    {
                        written.Add(id);
                        continue;
                    }

                    var error = result?.Errors is { Count: > 0 } errors ? errors[0] : null;
                    var code = error?.StatusCode ?? "UNKNOWN_ERROR";
                    var transient = TransientRecordErrors.Contains(code);
                    if (transient && attempt < _o.MaxWriteAttempts)
                    {
                        retry.Add(pending[i]);
                    }
                    else
                    {
                        SalesforceLog.RecordFailed(logger, id, code);
                        failures.Add(new CrmWriteFailure(id, code, error?.Message ?? "Salesforce gave no result for this record.", transient));
                    }
                }

                pending = retry;
                return (IReadOnlyList<AccountWrite>)retry;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<CrmAccount> ReadWhereAsync(
        string? where, DateTimeOffset signalsSince, [EnumeratorCancellation] CancellationToken cancellationToken, int? campaignIdChunkSize = null)
    {
        var soql = _queries.Accounts(where, signalsSince);
        var page = await api.QueryAsync(soql, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var records = page.Records ?? [];
            var campaignSignals = _o.Signals.CampaignMembers && records.Count > 0
                ? await ReadCampaignSignalsAsync(records, signalsSince, campaignIdChunkSize ?? _o.IdChunkSize, cancellationToken).ConfigureAwait(false)
                : null;
            foreach (var record in records)
            {
                yield return await MapAsync(record, campaignSignals, cancellationToken).ConfigureAwait(false);
            }

            if (page.Done || page.NextRecordsUrl is null)
            {
                yield break;
            }

            page = await api.NextPageAsync(page.NextRecordsUrl, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CrmAccount> MapAsync(JsonElement record, Dictionary<string, List<(Signal Signal, DateTimeOffset Modified)>>? campaignSignals, CancellationToken cancellationToken)
    {
        var ownerId = SalesforceRecord.String(record, "OwnerId");
        var lastModified = SalesforceRecord.Instant(record, "SystemModstamp") ?? DateTimeOffset.MinValue;
        var signals = ImmutableArray.CreateBuilder<Signal>();
        foreach (var (relationship, kind) in ChildRelationships())
        {
            await foreach (var child in ChildRecordsAsync(record, relationship, cancellationToken).ConfigureAwait(false))
            {
                var signal = kind == "Intent" ? _signals.FromIntent(child) : _signals.FromActivity(kind, child, ownerId);
                if (signal is not null)
                {
                    signals.Add(signal.Value);
                }

                lastModified = Max(lastModified, SalesforceRecord.Instant(child, "SystemModstamp"));
            }
        }

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_o.Signals.ContactTitles)
        {
            await foreach (var contact in ChildRecordsAsync(record, SalesforceQueryBuilder.ContactRelationship, cancellationToken).ConfigureAwait(false))
            {
                if (SalesforceRecord.String(contact, "Id") is { } contactId && SalesforceRecord.String(contact, "Title") is { } title)
                {
                    titles[contactId] = title;
                }
            }
        }

        var id = SalesforceRecord.String(record, "Id");
        if (id is not null && campaignSignals is not null && campaignSignals.TryGetValue(id, out var members))
        {
            foreach (var (signal, modified) in members)
            {
                signals.Add(signal);
                lastModified = Max(lastModified, modified);
            }
        }

        var account = _accounts.Map(record, SalesforceSignalMapper.WithSeniority(signals.DrainToImmutable(), titles));
        var url = tokens.Current?.InstanceUrl is { } instance ? new Uri(instance, "/lightning/r/Account/" + account.Id + "/view") : null;
        return new CrmAccount(account, lastModified, url);
    }

    private IEnumerable<(string Relationship, string Kind)> ChildRelationships()
    {
        yield return (SalesforceQueryBuilder.TaskRelationship, "Task");
        yield return (SalesforceQueryBuilder.EventRelationship, "Event");
        if (_o.Signals.IntentObject.Enabled)
        {
            yield return (_o.Signals.IntentObject.ChildRelationship, "Intent");
        }
    }

    private async Task<Dictionary<string, List<(Signal, DateTimeOffset)>>> ReadCampaignSignalsAsync(
        List<JsonElement> accounts, DateTimeOffset signalsSince, int idChunkSize, CancellationToken cancellationToken)
    {
        var byAccount = new Dictionary<string, List<(Signal, DateTimeOffset)>>(StringComparer.Ordinal);
        var ids = accounts.Select(a => SalesforceRecord.String(a, "Id")).OfType<string>().Where(SoqlLiteral.IsSalesforceId);
        foreach (var chunk in SalesforceQueryBuilder.IdChunks([.. ids], idChunkSize, SalesforceApiClient.MaxSoqlLength - 400))
        {
            await foreach (var member in QueryAllAsync(SalesforceQueryBuilder.CampaignMembers(chunk, signalsSince), cancellationToken).ConfigureAwait(false))
            {
                if (SalesforceRecord.String(member, "Contact.AccountId") is { } accountId && _signals.FromCampaignMember(member) is { } signal)
                {
                    if (!byAccount.TryGetValue(accountId, out var list))
                    {
                        byAccount[accountId] = list = [];
                    }

                    list.Add((signal, SalesforceRecord.Instant(member, "SystemModstamp") ?? signal.At));
                }
            }
        }

        return byAccount;
    }

    /// <summary>Every record of a query, following <c>nextRecordsUrl</c>.</summary>
    internal async IAsyncEnumerable<JsonElement> QueryAllAsync(string soql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await api.QueryAsync(soql, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var record in page.Records ?? [])
            {
                yield return record;
            }

            if (page.Done || page.NextRecordsUrl is null)
            {
                yield break;
            }

            page = await api.NextPageAsync(page.NextRecordsUrl, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The rows of a child relationship, following its own <c>nextRecordsUrl</c> (child sets page independently).</summary>
    internal async IAsyncEnumerable<JsonElement> ChildRecordsAsync(JsonElement parent, string relationship, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!parent.TryGetProperty(relationship, out var nested) || nested.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var page = nested.Deserialize(SalesforceJsonContext.Default.QueryResultDto);
        while (page is not null)
        {
            foreach (var record in page.Records ?? [])
            {
                yield return record;
            }

            if (page.Done || page.NextRecordsUrl is null)
            {
                yield break;
            }

            page = await api.NextPageAsync(page.NextRecordsUrl, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;
}
