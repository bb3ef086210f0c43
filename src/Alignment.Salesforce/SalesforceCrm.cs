using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Alignment.Core.Signals;
using Alignment.Salesforce.Auth;
using Alignment.Salesforce.Bulk;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Soql;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce;

/// <summary>
/// <see cref="ICrm"/> over Salesforce, a facade: accounts read by SOQL with child subqueries streamed page by page
/// (<see cref="SalesforceQueryPager"/>) and mapped to domain accounts with their signals, or — a partition of a full
/// rescore above <see cref="SalesforceOptions.BulkThreshold"/> records — through Bulk API 2.0
/// (<see cref="SalesforceBulkReader"/>); writes through <see cref="SalesforceAccountWriter"/>; the daily budget
/// watched on every call.
/// </summary>
internal sealed class SalesforceCrm(
    SalesforceBulkReader bulkReader,
    SalesforceAccountWriter writer,
    SalesforceQueryPager pager,
    SalesforceApiUsageTracker usage,
    SalesforceTokenCache tokens,
    IOptions<SalesforceOptions> options) : ICrm, IStagedCrmWriter
{
    public const string CrmName = CrmKinds.SalesforceName;

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
        await foreach (var member in pager.RecordsAsync(SalesforceQueryBuilder.ChangedCampaignMemberAccounts(since), cancellationToken).ConfigureAwait(false))
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

    /// <summary>Writes through <see cref="SalesforceAccountWriter"/> (REST collections, or Bulk API 2.0 above the threshold).</summary>
    public Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken) =>
        writer.WriteAsync(writes, cancellationToken);

    /// <summary>A partition's staged writes: one Bulk API 2.0 job above the threshold, its upload streamed from disk.</summary>
    public Task<CrmWriteResult> WriteStagedAsync(IStagedWrites writes, CancellationToken cancellationToken) =>
        writer.WriteAsync(writes, cancellationToken);

    private async IAsyncEnumerable<CrmAccount> ReadWhereAsync(
        string? where, DateTimeOffset signalsSince, [EnumeratorCancellation] CancellationToken cancellationToken, int? campaignIdChunkSize = null)
    {
        await foreach (var records in pager.PagesAsync(_queries.Accounts(where, signalsSince), cancellationToken).ConfigureAwait(false))
        {
            var campaignSignals = _o.Signals.CampaignMembers && records.Count > 0
                ? await ReadCampaignSignalsAsync(records, signalsSince, campaignIdChunkSize ?? _o.IdChunkSize, cancellationToken).ConfigureAwait(false)
                : null;
            foreach (var record in records)
            {
                yield return await MapAsync(record, campaignSignals, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<CrmAccount> MapAsync(JsonElement record, Dictionary<string, List<(Signal Signal, DateTimeOffset Modified)>>? campaignSignals, CancellationToken cancellationToken)
    {
        var ownerId = SalesforceRecord.String(record, "OwnerId");
        var lastModified = SalesforceRecord.Instant(record, "SystemModstamp") ?? DateTimeOffset.MinValue;
        var signals = ImmutableArray.CreateBuilder<Signal>();
        foreach (var (relationship, kind) in ChildRelationships())
        {
            await foreach (var child in pager.ChildRecordsAsync(record, relationship, cancellationToken).ConfigureAwait(false))
            {
                var signal = kind == "Intent" ? _signals.FromIntent(child) : _signals.FromActivity(kind, child, ownerId);
                if (signal is not null)
                {
                    signals.Add(signal.Value);
                }

                lastModified = Max(lastModified, SalesforceRecord.Instant(child, "SystemModstamp"));
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

        var account = _accounts.Map(record, signals.DrainToImmutable());
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
        IReadOnlyList<JsonElement> accounts, DateTimeOffset signalsSince, int idChunkSize, CancellationToken cancellationToken)
    {
        var byAccount = new Dictionary<string, List<(Signal, DateTimeOffset)>>(StringComparer.Ordinal);
        var ids = accounts.Select(a => SalesforceRecord.String(a, "Id")).OfType<string>().Where(SoqlLiteral.IsSalesforceId);
        foreach (var chunk in SalesforceQueryBuilder.IdChunks([.. ids], idChunkSize, SalesforceApiClient.MaxSoqlLength - 400))
        {
            await foreach (var member in pager.RecordsAsync(_queries.CampaignMembers(chunk, signalsSince), cancellationToken).ConfigureAwait(false))
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

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset? b) => b is { } v && v > a ? v : a;
}
