using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Alignment.Core.Calibration;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Soql;
using Alignment.Sync.Calibration;

namespace Alignment.Salesforce.Calibration;

/// <summary>
/// Opportunities by SOQL; closed ones for calibration (docs/salesforce.md, "Outcomes for calibration"):
/// <c>SELECT Id, AccountId, CreatedDate, CloseDate, IsClosed, IsWon, Amount FROM Opportunity WHERE IsClosed = true
/// AND AccountId != null AND CloseDate &gt;= date ORDER BY Id</c>, streamed page by page through the same API client
/// (and daily budget) as the scoring run. <c>CloseDate</c> is a date: the close instant is the end of that day in UTC
/// (23:59:59Z), so a deal created and closed the same day never closes before it was created. The scoreboard's
/// conversion reads those created since an instant, open or closed: <c>... WHERE AccountId != null AND CreatedDate &gt;=
/// datetime ORDER BY Id</c>.
/// </summary>
internal sealed class SalesforceOutcomeReader(SalesforceApiClient api) : IOutcomeReader
{
    public IAsyncEnumerable<Opportunity> ReadClosedAsync(DateTimeOffset closedSince, CancellationToken cancellationToken) =>
        ReadAsync(Query(closedSince), cancellationToken);

    public IAsyncEnumerable<Opportunity> ReadCreatedAsync(DateTimeOffset createdSince, CancellationToken cancellationToken) =>
        ReadAsync(CreatedQuery(createdSince), cancellationToken);

    internal static string CreatedQuery(DateTimeOffset createdSince) =>
        "SELECT Id, AccountId, CreatedDate, CloseDate, IsClosed, IsWon, Amount FROM Opportunity WHERE AccountId != null AND CreatedDate >= "
        + createdSince.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " ORDER BY Id";

    private async IAsyncEnumerable<Opportunity> ReadAsync(string soql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await api.QueryAsync(soql, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var record in page.Records ?? [])
            {
                if (Map(record) is { } opportunity)
                {
                    yield return opportunity;
                }
            }

            if (page.Done || page.NextRecordsUrl is null)
            {
                yield break;
            }

            page = await api.NextPageAsync(page.NextRecordsUrl, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Query(DateTimeOffset closedSince) =>
        "SELECT Id, AccountId, CreatedDate, CloseDate, IsClosed, IsWon, Amount FROM Opportunity WHERE IsClosed = true AND AccountId != null AND CloseDate >= "
        + closedSince.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " ORDER BY Id";

    /// <summary>The opportunity, or null when a required value is missing.</summary>
    internal static Opportunity? Map(JsonElement record)
    {
        var id = SalesforceRecord.String(record, "Id");
        var accountId = SalesforceRecord.String(record, "AccountId");
        var created = SalesforceRecord.Instant(record, "CreatedDate");
        var closeDate = SalesforceRecord.Instant(record, "CloseDate");
        if (id is null || accountId is null || !SoqlLiteral.IsSalesforceId(accountId) || created is null || closeDate is null)
        {
            return null;
        }

        var closed = SalesforceRecord.Bool(record, "IsClosed");
        var closedAt = closeDate.Value.AddDays(1).AddSeconds(-1);
        return new Opportunity(id, accountId, created.Value, closed ? closedAt : null, closed ? SalesforceRecord.Bool(record, "IsWon") : null, SalesforceRecord.Decimal(record, "Amount"));
    }
}
