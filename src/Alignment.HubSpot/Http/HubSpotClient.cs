using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alignment.HubSpot.Wire;
using Microsoft.Extensions.Options;

namespace Alignment.HubSpot.Http;

/// <summary>
/// The thin typed HubSpot client: one method per endpoint the adapter uses, batching at HubSpot's limits (100 ids per
/// batch read, update and association read), per-input association paging, 200 and 207 both treated as success with
/// the 207 errors returned. Any other answer becomes a <see cref="HubSpotException"/>.
/// </summary>
internal sealed class HubSpotClient
{
    public const string HttpClientName = "Alignment.HubSpot";
    public const int BatchSize = 100;
    public const int SearchPageSize = 200;

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public HubSpotClient(HttpClient http, IOptions<HubSpotOptions> options)
    {
        _http = http;
        var o = options.Value;
        Paths = new HubSpotPaths(o.ApiVersion, o.OwnersApiVersion);
        if (_http.BaseAddress is null)
        {
            var baseUrl = o.BaseUrl.ToString();
            _http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        }
    }

    public HubSpotPaths Paths { get; }

    public async Task<SearchResponse> SearchAsync(string objectType, SearchRequest request, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, Paths.Search(objectType), request, HubSpotJsonContext.Default.SearchRequest,
            HubSpotJsonContext.Default.SearchResponse, cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// Every record the filters select, one page (<see cref="SearchPageSize"/>) at a time, ascending by
    /// <c>hs_object_id</c>: before the search's result cap (<paramref name="resultCap"/>, 10,000 on HubSpot) the search
    /// restarts with <c>hs_object_id &gt;</c> the last id seen, so any number of records is read.
    /// </summary>
    /// <param name="objectType">The object type searched, e.g. <c>companies</c>, <c>deals</c>.</param>
    /// <param name="filters">The filters, ANDed (one filter group).</param>
    /// <param name="properties">The properties returned.</param>
    /// <param name="resultCap">The most results one search pages through.</param>
    /// <param name="onRestart">Told the records seen and the last id when the search restarts (for a log line).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async IAsyncEnumerable<IReadOnlyList<HubSpotObject>> SearchAllAsync(
        string objectType,
        IReadOnlyList<SearchFilter> filters,
        IReadOnlyList<string> properties,
        int resultCap,
        Action<int, string>? onRestart,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? afterId = null;
        while (true)
        {
            var partition = afterId is null ? filters : [.. filters, new SearchFilter("hs_object_id", "GT", afterId)];
            var seen = 0;
            var after = "0";
            while (true)
            {
                var search = new SearchRequest([new SearchFilterGroup(partition)], [new SearchSort("hs_object_id", "ASCENDING")], properties, SearchPageSize, after);
                var page = await SearchAsync(objectType, search, cancellationToken).ConfigureAwait(false);
                var results = page.Results ?? [];
                if (results.Count > 0)
                {
                    yield return results;
                }

                seen += results.Count;
                var next = page.Paging?.Next?.After;
                if (results.Count == 0 || string.IsNullOrEmpty(next))
                {
                    yield break;
                }

                if (seen + SearchPageSize > resultCap)
                {
                    afterId = results[^1].Id;
                    onRestart?.Invoke(seen, afterId);
                    break;
                }

                after = next;
            }
        }
    }

    /// <summary>Reads records by id, 100 per call; ids HubSpot does not know are left out.</summary>
    public async Task<IReadOnlyList<HubSpotObject>> BatchReadAsync(
        string objectType, IReadOnlyCollection<string> ids, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        var results = new List<HubSpotObject>(ids.Count);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            var request = new BatchReadRequest(properties, [], [.. chunk.Select(id => new ObjectIdInput(id))]);
            var response = await SendAsync(HttpMethod.Post, Paths.BatchRead(objectType) + "?archived=false", request,
                HubSpotJsonContext.Default.BatchReadRequest, HubSpotJsonContext.Default.BatchResponse, cancellationToken).ConfigureAwait(false);
            results.AddRange(response?.Results ?? []);
        }

        return results;
    }

    /// <summary>Associated ids of each input id (associations v4 batch read, 100 ids per call, following each input's cursor).</summary>
    public async Task<IReadOnlyDictionary<string, List<string>>> ReadAssociationsAsync(
        string fromType, string toType, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = new Queue<AssociationInput>(ids.Distinct(StringComparer.Ordinal).Select(id => new AssociationInput(id)));
        while (pending.Count > 0)
        {
            var inputs = new List<AssociationInput>(BatchSize);
            while (inputs.Count < BatchSize && pending.Count > 0)
            {
                inputs.Add(pending.Dequeue());
            }

            var response = await SendAsync(HttpMethod.Post, Paths.AssociationsBatchRead(fromType, toType), new AssociationBatchRequest(inputs),
                HubSpotJsonContext.Default.AssociationBatchRequest, HubSpotJsonContext.Default.AssociationBatchResponse, cancellationToken).ConfigureAwait(false);
            foreach (var result in response?.Results ?? [])
            {
                if (!map.TryGetValue(result.From.Id, out var to))
                {
                    map[result.From.Id] = to = [];
                }

                to.AddRange((result.To ?? []).Select(t => t.ToObjectId.ToString(CultureInfo.InvariantCulture)));
                if (result.Paging?.Next?.After is { Length: > 0 } after)
                {
                    pending.Enqueue(new AssociationInput(result.From.Id, after));
                }
            }
        }

        return map;
    }

    /// <summary>One <c>batch/update</c> call (at most 100 inputs); 200 and 207 are returned, anything else throws.</summary>
    public async Task<BatchResponse> BatchUpdateAsync(string objectType, BatchUpdateRequest request, CancellationToken cancellationToken)
    {
        if (request.Inputs.Count > BatchSize)
        {
            throw new ArgumentException($"At most {BatchSize} inputs per batch update.", nameof(request));
        }

        return (await SendAsync(HttpMethod.Post, Paths.BatchUpdate(objectType), request, HubSpotJsonContext.Default.BatchUpdateRequest,
            HubSpotJsonContext.Default.BatchResponse, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>All active owners, page by page.</summary>
    public async IAsyncEnumerable<OwnerDto> GetOwnersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var path = Paths.Owners() + "?limit=100&archived=false" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            var page = await SendAsync<object, OwnersResponse>(HttpMethod.Get, path, null, null, HubSpotJsonContext.Default.OwnersResponse, cancellationToken).ConfigureAwait(false);
            foreach (var owner in page?.Results ?? [])
            {
                yield return owner;
            }

            after = page?.Paging?.Next?.After;
        }
        while (!string.IsNullOrEmpty(after));
    }

    /// <summary>
    /// The occurrences of one event type on records of <paramref name="objectType"/> after an instant, selected by
    /// <paramref name="filters"/> (<c>objectId</c>, or <c>objectProperty.{name}</c> on the record), page by page (100 a
    /// page, <c>after</c> cursors). The events API needs an Enterprise subscription; without one HubSpot answers 403.
    /// </summary>
    public async IAsyncEnumerable<EventOccurrence> GetEventsAsync(
        string objectType, IReadOnlyList<(string Name, string Value)> filters, string eventType, DateTimeOffset occurredAfter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = "?objectType=" + Uri.EscapeDataString(objectType)
            + string.Concat(filters.Select(f => "&" + Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)))
            + "&eventType=" + Uri.EscapeDataString(eventType)
            + "&occurredAfter=" + Uri.EscapeDataString(occurredAfter.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            + "&limit=100";
        string? after = null;
        do
        {
            var path = Paths.Events() + query + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            var page = await SendAsync<object, EventsResponse>(HttpMethod.Get, path, null, null, HubSpotJsonContext.Default.EventsResponse, cancellationToken).ConfigureAwait(false);
            foreach (var occurrence in page?.Results ?? [])
            {
                yield return occurrence;
            }

            after = page?.Paging?.Next?.After;
        }
        while (!string.IsNullOrEmpty(after));
    }

    public Task<PropertyGroupDto?> GetGroupAsync(string objectType, string name, CancellationToken cancellationToken) =>
        SendAsync<object, PropertyGroupDto>(HttpMethod.Get, Paths.Group(objectType, name), null, null, HubSpotJsonContext.Default.PropertyGroupDto, cancellationToken, notFoundIsNull: true);

    /// <summary>Creates a property group; false when it already exists (409).</summary>
    public async Task<bool> CreateGroupAsync(string objectType, PropertyGroupDto group, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Post, Paths.Groups(objectType), group, HubSpotJsonContext.Default.PropertyGroupDto,
                HubSpotJsonContext.Default.PropertyGroupDto, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HubSpotException e) when (e.StatusCode == 409)
        {
            return false;
        }
    }

    public Task<PropertyDto?> GetPropertyAsync(string objectType, string name, CancellationToken cancellationToken) =>
        SendAsync<object, PropertyDto>(HttpMethod.Get, Paths.Property(objectType, name), null, null, HubSpotJsonContext.Default.PropertyDto, cancellationToken, notFoundIsNull: true);

    /// <summary>Creates a property; false when one of that name already exists (409).</summary>
    public async Task<bool> CreatePropertyAsync(string objectType, PropertyDto property, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(HttpMethod.Post, Paths.Properties(objectType), property, HubSpotJsonContext.Default.PropertyDto,
                HubSpotJsonContext.Default.PropertyDto, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HubSpotException e) when (e.StatusCode == 409)
        {
            return false;
        }
    }

    /// <summary>The list of that name (not case sensitive) with its filters; null when there is none.</summary>
    public async Task<ListDto?> GetListByNameAsync(string objectTypeId, string name, CancellationToken cancellationToken) =>
        (await SendAsync<object, ListResponse>(HttpMethod.Get, Paths.ListByName(objectTypeId, name), null, null,
            HubSpotJsonContext.Default.ListResponse, cancellationToken, notFoundIsNull: true).ConfigureAwait(false))?.List;

    /// <summary>Creates a list; null when one of that name already exists (409).</summary>
    public async Task<ListDto?> CreateListAsync(ListCreateRequest list, CancellationToken cancellationToken)
    {
        try
        {
            return (await SendAsync(HttpMethod.Post, Paths.Lists(), list, HubSpotJsonContext.Default.ListCreateRequest,
                HubSpotJsonContext.Default.ListResponse, cancellationToken).ConfigureAwait(false))?.List;
        }
        catch (HubSpotException e) when (e.StatusCode == 409)
        {
            return null;
        }
    }

    private async Task<TResponse?> SendAsync<TRequest, TResponse>(
        HttpMethod method,
        string path,
        TRequest? body,
        JsonTypeInfo<TRequest>? requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken,
        bool notFoundIsNull = false)
        where TResponse : class
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null && requestType is not null)
        {
            // Bytes, not a stream: the retry may send the same content again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
            request.Content.Headers.ContentType = Json;
        }

        using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.MultiStatus)
        {
            try
            {
                return await JsonSerializer.DeserializeAsync(
                    await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), responseType, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new HubSpotException($"HubSpot {method} {Route(path)} answered a body that is not the expected JSON.", (int)response.StatusCode, "INVALID_RESPONSE", innerException: e);
            }
        }

        throw await ErrorOfAsync(method, path, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new HubSpotException($"HubSpot {request.Method} {Route(request.RequestUri?.OriginalString)} failed: {e.Message}", null, "NETWORK", innerException: e);
        }
        catch (TimeoutException e)
        {
            throw new HubSpotException($"HubSpot {request.Method} {Route(request.RequestUri?.OriginalString)} timed out.", null, "TIMEOUT", innerException: e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new HubSpotException($"HubSpot {request.Method} {Route(request.RequestUri?.OriginalString)} timed out.", null, "TIMEOUT", innerException: e);
        }
    }

    internal static async Task<HubSpotException> ErrorOfAsync(HttpMethod method, string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        ErrorBody? error = null;
        try
        {
            error = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, HubSpotJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            // Not HubSpot's error JSON (a proxy page, say): the status speaks for itself.
        }

        var status = (int)response.StatusCode;
        var category = error?.Category ?? (status == 429 ? "RATE_LIMITS" : null);
        TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta;
        var message = $"HubSpot {method} {Route(path)} answered {status} {category}: {error?.Message ?? response.ReasonPhrase}";
        return new HubSpotException(message, status, category, error?.CorrelationId, error?.PolicyName, retryAfter);
    }

    private static string Route(string? path)
    {
        if (path is null)
        {
            return "";
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }
}
