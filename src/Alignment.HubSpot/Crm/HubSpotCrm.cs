using System.Globalization;
using System.Runtime.CompilerServices;
using Alignment.HubSpot.Http;
using Alignment.HubSpot.Wire;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Crm;

/// <summary>
/// <see cref="ICrm"/> over HubSpot: companies by search (200 a page, partitioned by <c>hs_object_id</c> before the
/// 10,000-result cap), their associations (v4, 100 ids a call), engagement records mapped to signals, owners, and
/// <c>batch/update</c> writes of the changed properties (100 a call) with 207 errors mapped back per record.
/// </summary>
internal sealed class HubSpotCrm : ICrm
{
    private static readonly TimeSpan OwnersTtl = TimeSpan.FromHours(1);
    private readonly HubSpotClient _client;
    private readonly HubSpotRateGate _gate;
    private readonly HubSpotOptions _options;
    private readonly HubSpotPropertyMap _names;
    private readonly HubSpotAccountMapper _accounts;
    private readonly HubSpotSignalMapper _signals;
    private readonly HubSpotWriteMapper _writes;
    private readonly TimeProvider _time;
    private readonly ILogger<HubSpotCrm> _logger;
    private readonly SemaphoreSlim _ownersLock = new(1, 1);
    private Dictionary<string, string?>? _owners;
    private volatile bool _pageViewsUnavailable;
    private DateTimeOffset _ownersReadAt;

    public HubSpotCrm(HubSpotClient client, HubSpotRateGate gate, IOptions<HubSpotOptions> options, TimeProvider time, ILogger<HubSpotCrm> logger)
    {
        _client = client;
        _gate = gate;
        _options = options.Value;
        _names = _options.PropertyMap();
        _accounts = new HubSpotAccountMapper(_names, _options);
        _signals = new HubSpotSignalMapper(_options.Mapping);
        _writes = new HubSpotWriteMapper(_names);
        _time = time;
        _logger = logger;
    }

    public string Name => "hubspot";

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

    private async Task<IReadOnlyList<CrmAccount>> EnrichAsync(
        IReadOnlyList<HubSpotObject> companies, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        if (companies.Count == 0)
        {
            return [];
        }

        var owners = await OwnersAsync(cancellationToken).ConfigureAwait(false);
        var ids = companies.Select(c => c.Id).ToList();
        var mapping = _options.Mapping;
        var emails = await ActivitiesAsync(ids, "emails", HubSpotSignalMapper.EmailProperties, cancellationToken).ConfigureAwait(false);
        var meetings = await ActivitiesAsync(ids, "meetings", HubSpotSignalMapper.MeetingProperties, cancellationToken).ConfigureAwait(false);
        var calls = await ActivitiesAsync(ids, "calls", HubSpotSignalMapper.CallProperties, cancellationToken).ConfigureAwait(false);
        var notes = mapping.ReadNotes
            ? await ActivitiesAsync(ids, "notes", HubSpotSignalMapper.NoteProperties, cancellationToken).ConfigureAwait(false)
            : ActivitySet.Empty;
        var contacts = mapping.FormSubmissionsFromContacts || mapping.ContactTitles || mapping.PageViews
            ? await ActivitiesAsync(ids, "contacts", HubSpotSignalMapper.ContactProperties, cancellationToken).ConfigureAwait(false)
            : ActivitySet.Empty;
        var pageViews = mapping.PageViews
            ? await PageViewsAsync(contacts.Records.Values, signalsSince, cancellationToken).ConfigureAwait(false)
            : null;

        var activityContact = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mapping.ResolveActivityContacts)
        {
            foreach (var (type, set) in new[] { ("emails", emails), ("meetings", meetings), ("calls", calls), ("notes", notes) })
            {
                if (set.Records.Count == 0)
                {
                    continue;
                }

                var links = await _client.ReadAssociationsAsync(type, "contacts", [.. set.Records.Keys], cancellationToken).ConfigureAwait(false);
                foreach (var (activityId, contactIds) in links)
                {
                    if (contactIds.Count > 0)
                    {
                        activityContact[type + ":" + activityId] = contactIds.Min(CompareIds)!;
                    }
                }
            }
        }

        var accounts = new List<CrmAccount>(companies.Count);
        foreach (var company in companies)
        {
            var activities = new HubSpotActivities(
                emails.For(company.Id), meetings.For(company.Id), calls.For(company.Id), notes.For(company.Id), contacts.For(company.Id), activityContact, pageViews);
            var signals = _signals.Map(company, company.Get("hubspot_owner_id"), activities, signalsSince);
            accounts.Add(_accounts.Map(company, owners, signals));
        }

        return accounts;
    }

    /// <summary>
    /// The page views (events API) of the contacts who visited since <paramref name="signalsSince"/> by their last-visit
    /// analytics: one call (or more, past 100 views) per such contact, none for the rest. A 403 (no Enterprise
    /// subscription or scope) turns page views off for this process, logged once; the run goes on without them.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyList<EventOccurrence>>?> PageViewsAsync(
        IEnumerable<HubSpotObject> contacts, DateTimeOffset signalsSince, CancellationToken cancellationToken)
    {
        if (_pageViewsUnavailable)
        {
            return null;
        }

        var views = new Dictionary<string, IReadOnlyList<EventOccurrence>>(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            if (HubSpotPropertyValues.ParseInstant(contact.Get(HubSpotSignalMapper.LastVisitProperty)) is not { } lastVisit || lastVisit < signalsSince)
            {
                continue;
            }

            try
            {
                var list = new List<EventOccurrence>();
                await foreach (var view in _client.GetEventsAsync("contact", contact.Id, _options.Mapping.PageViewEventType, signalsSince, cancellationToken).ConfigureAwait(false))
                {
                    list.Add(view);
                }

                views[contact.Id] = list;
            }
            catch (HubSpotException e) when (e.StatusCode is 403)
            {
                _pageViewsUnavailable = true;
                HubSpotLog.PageViewsUnavailable(_logger, e.StatusCode ?? 0, e.ErrorCode ?? "");
                return views;
            }
        }

        return views;
    }

    private static readonly IComparer<string> CompareIds = Comparer<string>.Create((a, b) =>
        long.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) && long.TryParse(b, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b));

    private async Task<ActivitySet> ActivitiesAsync(
        IReadOnlyList<string> companyIds, string objectType, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var links = await _client.ReadAssociationsAsync("companies", objectType, companyIds, cancellationToken).ConfigureAwait(false);
        var wanted = links.Values.SelectMany(v => v).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return ActivitySet.Empty;
        }

        var records = (await _client.BatchReadAsync(objectType, wanted, properties, cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new ActivitySet(links, records);
    }

    private async Task<IReadOnlyDictionary<string, string?>> OwnersAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_owners is { } cached && now - _ownersReadAt < OwnersTtl)
        {
            return cached;
        }

        await _ownersLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_owners is { } again && now - _ownersReadAt < OwnersTtl)
            {
                return again;
            }

            var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
            await foreach (var owner in _client.GetOwnersAsync(cancellationToken).ConfigureAwait(false))
            {
                owners[owner.Id] = owner.Email;
            }

            _owners = owners;
            _ownersReadAt = now;
            return owners;
        }
        finally
        {
            _ownersLock.Release();
        }
    }

    /// <summary>Records of one type and which company each belongs to.</summary>
    private sealed record ActivitySet(IReadOnlyDictionary<string, List<string>> Links, IReadOnlyDictionary<string, HubSpotObject> Records)
    {
        public static ActivitySet Empty { get; } = new(new Dictionary<string, List<string>>(), new Dictionary<string, HubSpotObject>());

        public IReadOnlyList<HubSpotObject> For(string companyId) =>
            Links.TryGetValue(companyId, out var ids) ? [.. ids.Where(Records.ContainsKey).Select(id => Records[id])] : [];
    }
}
