using System.Runtime.CompilerServices;
using System.Text.Json;
using Alignment.Salesforce.Wire;

namespace Alignment.Salesforce.Http;

/// <summary>
/// The one <c>nextRecordsUrl</c> loop: a query's pages, its records, and the records of a child relationship inside a
/// parent record (a child set pages on its own <c>nextRecordsUrl</c>), each page fetched only when the previous one is used.
/// </summary>
internal sealed class SalesforceQueryPager(SalesforceApiClient api)
{
    /// <summary>The query's pages in order (a page can be empty).</summary>
    public IAsyncEnumerable<IReadOnlyList<JsonElement>> PagesAsync(string soql, CancellationToken cancellationToken) =>
        FollowAsync(ct => api.QueryAsync(soql, ct), cancellationToken);

    /// <summary>Every record of a query.</summary>
    public async IAsyncEnumerable<JsonElement> RecordsAsync(string soql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync(soql, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in page)
            {
                yield return record;
            }
        }
    }

    /// <summary>Every row of a child relationship of <paramref name="parent"/>; none when the parent has no such set.</summary>
    public async IAsyncEnumerable<JsonElement> ChildRecordsAsync(JsonElement parent, string relationship, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!parent.TryGetProperty(relationship, out var nested) || nested.ValueKind != JsonValueKind.Object
            || nested.Deserialize(SalesforceJsonContext.Default.QueryResultDto) is not { } first)
        {
            yield break;
        }

        await foreach (var page in FollowAsync(_ => Task.FromResult(first), cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in page)
            {
                yield return record;
            }
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<JsonElement>> FollowAsync(
        Func<CancellationToken, Task<QueryResultDto>> first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await first(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            yield return page.Records ?? [];
            if (page.Done || page.NextRecordsUrl is null)
            {
                yield break;
            }

            page = await api.NextPageAsync(page.NextRecordsUrl, cancellationToken).ConfigureAwait(false);
        }
    }
}
