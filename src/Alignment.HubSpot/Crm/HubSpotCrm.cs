using System.Runtime.CompilerServices;
using Alignment.HubSpot.Http;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// <see cref="ICrm"/> over HubSpot, a facade: companies by search (200 a page, partitioned by <c>hs_object_id</c>
/// before the 10,000-result cap) or batch read, each page enriched with its owners (<see cref="HubSpotOwnerDirectory"/>)
/// and activities (<see cref="HubSpotActivityLoader"/>) and mapped to signals and accounts; writes go through
/// <see cref="HubSpotCompanyWriter"/>.
/// </summary>
internal sealed class HubSpotCrm : ICrm
{
    private readonly HubSpotClient _client;
    private readonly HubSpotRateGate _gate;
    private readonly HubSpotOptions _options;
    private readonly HubSpotPropertyMap _names;
    private readonly HubSpotAccountMapper _accounts;
    private readonly HubSpotSignalMapper _signals;
    private readonly HubSpotOwnerDirectory _owners;
    private readonly HubSpotActivityLoader _activities;
    private readonly HubSpotCompanyWriter _writer;
    private readonly ILogger<HubSpotCrm> _logger;

    public HubSpotCrm(HubSpotClient client, HubSpotRateGate gate, IOptions<HubSpotOptions> options, TimeProvider time, ILogger<HubSpotCrm> logger)
    {
        _client = client;
        _gate = gate;
        _options = options.Value;
        _names = _options.PropertyMap();
        _accounts = new HubSpotAccountMapper(_names, _options);
        _signals = new HubSpotSignalMapper(_options.Mapping);
        _owners = new HubSpotOwnerDirectory(client, time);
        _activities = new HubSpotActivityLoader(client, _options.Mapping, logger);
        _writer = new HubSpotCompanyWriter(client, new HubSpotWriteMapper(_names), logger);
        _logger = logger;
    }

    public string Name => CrmKinds.HubSpotName;

    public ApiUsage GetUsage() => _gate.Usage;

    public async IAsyncEnumerable<CrmAccount> ReadAccountsAsync(CrmReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filters = new List<SearchFilter>();
        if (request.ModifiedSince is { } since)
        {
            filters.Add(new SearchFilter("hs_lastmodifieddate", "GTE", HubSpotPropertyValues.EpochMilliseconds(since)));
        }

        if (request.Filter == CrmAccountFilter.OpenHandoffs)
        {
            filters.Add(new SearchFilter(_names[AlignmentField.HandoffStatus], "IN", Values: ["Pending", "Accepted"]));
        }

        // One partition of a partitioned full rescore (docs/partitions.md): hs_object_id in [From, To), compared as numbers.
        if (request.Range?.From is { } from)
        {
            filters.Add(new SearchFilter("hs_object_id", "GTE", from));
        }

        if (request.Range?.To is { } to)
        {
            filters.Add(new SearchFilter("hs_object_id", "LT", to));
        }

        // Ascending by hs_object_id, restarted with "hs_object_id > last" before the result cap (HubSpotClient.SearchAllAsync).
        await foreach (var page in _client.SearchAllAsync("companies", filters, _accounts.CompanyProperties(), _options.SearchResultCap,
            (seen, lastId) => HubSpotLog.SearchPartitioned(_logger, seen, lastId), cancellationToken).ConfigureAwait(false))
        {
            foreach (var account in await EnrichAsync(page, request.SignalsSince, cancellationToken).ConfigureAwait(false))
            {
                yield return account;
            }
        }
    }

    public async Task<IReadOnlyList<CrmAccount>> GetAccountsAsync(
        IReadOnlyCollection<string> accountIds, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var companyIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in accountIds.Select(HubSpotObjectReference.Parse).GroupBy(r => r.ObjectType, StringComparer.Ordinal))
        {
            if (group.Key == "companies")
            {
                companyIds.UnionWith(group.Select(r => r.Id));
                continue;
            }

            // A contact or an activity (from a webhook): rescore the companies it is associated with.
            var associated = await _client.ReadAssociationsAsync(group.Key, "companies", [.. group.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
            companyIds.UnionWith(associated.Values.SelectMany(v => v));
        }

        if (companyIds.Count == 0)
        {
            return [];
        }

        var companies = await _client.BatchReadAsync("companies", companyIds, _accounts.CompanyProperties(), cancellationToken).ConfigureAwait(false);
        return await EnrichAsync(companies, signalsSince, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes through <see cref="HubSpotCompanyWriter"/>.</summary>
    public Task<CrmWriteResult> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken) =>
        _writer.WriteAsync(writes, cancellationToken);

    /// <summary>A page of companies with their owners and signals (one set of association and batch reads for the page).</summary>
    private async Task<IReadOnlyList<CrmAccount>> EnrichAsync(
        IReadOnlyList<HubSpotObject> companies, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        if (companies.Count == 0)
        {
            return [];
        }

        var owners = await _owners.GetAsync(cancellationToken).ConfigureAwait(false);
        var activities = await _activities.LoadAsync([.. companies.Select(c => c.Id)], signalsSince, cancellationToken).ConfigureAwait(false);
        var accounts = new List<CrmAccount>(companies.Count);
        foreach (var company in companies)
        {
            var signals = _signals.Map(company, company.Get("hubspot_owner_id"), activities.For(company.Id), signalsSince);
            accounts.Add(_accounts.Map(company, owners, signals));
        }

        return accounts;
    }
}
