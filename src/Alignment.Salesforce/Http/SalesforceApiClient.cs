using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Wire;
using Alignment.Sync.Crm;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Http;

/// <summary>
/// The typed REST client: SOQL pages, <c>nextRecordsUrl</c> pages, sObject Collections updates and <c>/limits</c>.
/// Requests are built against a placeholder host; <see cref="Auth.SalesforceAuthHandler"/> points them at the
/// token's <c>instance_url</c>.
/// </summary>
internal sealed class SalesforceApiClient(HttpClient http, IOptions<SalesforceOptions> options, SalesforceApiUsageTracker usage)
{
    /// <summary>Placeholder host replaced by the instance URL of the current token.</summary>
    public static readonly Uri InstancePlaceholder = new("https://salesforce-instance.invalid/");

    /// <summary>
    /// Longest query path sent as a GET. Salesforce allows 16,384 bytes for the URI and headers together (414/431
    /// beyond); a longer query (a 2,000-id <c>IN</c> list) goes in the body of a Composite request instead.
    /// </summary>
    public const int MaxGetQueryLength = 12_000;

    /// <summary>Salesforce's default limit on the length of a SOQL statement (characters).</summary>
    public const int MaxSoqlLength = 100_000;

    private string DataPath => "/services/data/" + options.Value.ApiVersion + "/";

    /// <summary>One query page: a GET, or for a statement too long for the URI a Composite request (still one API call).</summary>
    public Task<QueryResultDto> QueryAsync(string soql, CancellationToken cancellationToken)
    {
        var path = DataPath + "query?q=" + Uri.EscapeDataString(soql);
        return path.Length <= MaxGetQueryLength ? GetPageAsync(path, cancellationToken) : CompositeQueryAsync(path, cancellationToken);
    }

    /// <summary>Follows a <c>nextRecordsUrl</c> (it already carries the version; it is not re-prefixed).</summary>
    public Task<QueryResultDto> NextPageAsync(string nextRecordsUrl, CancellationToken cancellationToken)
    {
        if (!nextRecordsUrl.StartsWith("/services/data/", StringComparison.Ordinal) || nextRecordsUrl.Contains("..", StringComparison.Ordinal))
        {
            throw new CrmException(SalesforceCrm.CrmName, "Salesforce returned an unexpected nextRecordsUrl.", null, "INVALID_NEXT_RECORDS_URL");
        }

        return GetPageAsync(nextRecordsUrl, cancellationToken);
    }

    /// <summary><c>PATCH /composite/sobjects</c> with a prepared body; the per-record results come back in request order.</summary>
    public async Task<List<SaveResultDto>> UpdateCollectionAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(InstancePlaceholder, DataPath + "composite/sobjects"));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(SalesforceJsonContext.Default.ListSaveResultDto, cancellationToken).ConfigureAwait(false) ?? [];
    }

    private async Task<QueryResultDto> CompositeQueryAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Sforce-Query-Options"] = "batchSize=" + options.Value.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        var body = new CompositeRequestDto(false, [new CompositeSubrequestDto("GET", pathAndQuery, "query", headers)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(InstancePlaceholder, DataPath + "composite"));
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, SalesforceJsonContext.Default.CompositeRequestDto));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var composite = await response.Content.ReadFromJsonAsync(SalesforceJsonContext.Default.CompositeResponseDto, cancellationToken).ConfigureAwait(false);
        if (composite?.CompositeResponse is not [var result, ..])
        {
            throw new CrmException(SalesforceCrm.CrmName, "Salesforce returned a Composite response without the query's result.", (int)response.StatusCode, "INVALID_RESPONSE");
        }

        if (result.HttpStatusCode is < 200 or >= 300)
        {
            throw SalesforceErrorReader.ToException((System.Net.HttpStatusCode)result.HttpStatusCode, result.Body.GetRawText(), usage.Snapshot(), null);
        }

        return result.Body.Deserialize(SalesforceJsonContext.Default.QueryResultDto)
            ?? throw new CrmException(SalesforceCrm.CrmName, "Salesforce returned an empty query result.", result.HttpStatusCode, null);
    }

    /// <summary><c>GET /limits</c>: the DailyApiRequests entry (also fed to the budget tracker).</summary>
    public async Task<LimitDto?> GetDailyApiRequestsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(InstancePlaceholder, DataPath + "limits"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var limits = await response.Content.ReadFromJsonAsync(SalesforceJsonContext.Default.DictionaryStringLimitDto, cancellationToken).ConfigureAwait(false);
        if (limits is not null && limits.TryGetValue("DailyApiRequests", out var daily))
        {
            usage.ObserveLimits(daily.Max, daily.Remaining);
            return daily;
        }

        return null;
    }

    private async Task<QueryResultDto> GetPageAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(InstancePlaceholder, pathAndQuery));
        request.Headers.TryAddWithoutValidation("Sforce-Query-Options", "batchSize=" + options.Value.PageSize.ToString(CultureInfo.InvariantCulture));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(SalesforceJsonContext.Default.QueryResultDto, cancellationToken).ConfigureAwait(false)
            ?? throw new CrmException(SalesforceCrm.CrmName, "Salesforce returned an empty query result.", (int)response.StatusCode, null);
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw SalesforceErrorReader.ToException(response.StatusCode, body, usage.Snapshot(), response.Headers.RetryAfter?.Delta);
    }
}
