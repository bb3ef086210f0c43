using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using Alignment.Core.Tiers;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Salesforce.Tests.Fixtures;

/// <summary>The recorded bodies SalesforceFixtureContractTests does not read: refresh refusal, other query shapes, a real Account, the documented write request.</summary>
public sealed class SalesforceFixtureCoverageTests
{
    private const string Token = "/services/oauth2/token";
    private const string Query = "/services/data/v62.0/query?";
    private static readonly DateTimeOffset Since = new(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvalidSession_NewTokenRefusedWithExpiredGrant_ThrowsTheOAuthCodeWithoutLooping()
    {
        var tokens = 0;
        var stub = new StubHandler()
            .On(Token, _ => ++tokens == 1
                ? StubHandler.Json(FixtureText.Read("fixtures/restforce/auth_success_response.json"))
                : StubHandler.Json(FixtureText.Read("fixtures/restforce/refresh_error_response.json"), HttpStatusCode.BadRequest))
            .On(Query, _ => StubHandler.Json("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]", HttpStatusCode.Unauthorized));
        await using var services = StubbedSalesforce.Build(stub);

        var ex = await Assert.ThrowsAsync<CrmException>(async () => await services.GetRequiredService<ICrm>().ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Equal(("invalid_grant", false), (ex.ErrorCode, ex.IsTransient));
        Assert.Contains("expired access/refresh token", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, tokens);
        Assert.Equal(3, stub.Requests.Count); // token, query (401), token (refused): the query is not sent again
    }

    [Theory]
    [InlineData("ConcurrentPerOrgLongTxn Limit exceeded.", "api-usage=18/5000", 4)]
    [InlineData("ConcurrentPerOrgLongTxn Limit exceeded.", "api-usage=5000/5000", 1)]
    [InlineData("TotalRequests Limit exceeded.", "api-usage=18/5000", 1)]
    public async Task Query_RequestLimitExceeded_RetriedOnlyWhenItIsNotTheDailyAllocation(string message, string limitInfo, int queries)
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .On(Query, _ => StubHandler.Json("[{\"message\":\"" + message + "\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]", HttpStatusCode.Forbidden, limitInfo));
        await using var services = StubbedSalesforce.Build(stub);

        var ex = await Assert.ThrowsAsync<CrmBudgetExhaustedException>(async () => await services.GetRequiredService<ICrm>().ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(queries, stub.Requests.Count(r => r.Uri.PathAndQuery.StartsWith(Query, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("fixtures/netcoreforce/count_query.json")]
    [InlineData("fixtures/netcoreforce/query_case_result.json")]
    [InlineData("fixtures/restforce/query_aggregate_success_response.json")]
    [InlineData("fixtures/restforce/query_success_response.json")]
    public async Task QueryAll_RecordedQueryResults_YieldEveryRecordOfTheBody(string fixture)
    {
        var stub = new StubHandler().OnFixture(Token, "fixtures/restforce/auth_success_response.json").OnFixture(Query, fixture);
        await using var services = StubbedSalesforce.Build(stub);
        using var recorded = JsonDocument.Parse(FixtureText.Read(fixture));

        var types = await services.GetRequiredService<SalesforceQueryPager>().RecordsAsync("SELECT Id FROM X", Ct)
            .Select(r => r.GetProperty("attributes").GetProperty("type").GetString()).ToListAsync(Ct);

        var expected = recorded.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal(expected, types);
        Assert.Equal(2, stub.Requests.Count); // done:true, no further page
    }

    [Fact]
    public async Task Record_NetCoreForceCaseResult_ReadsParentLookupsAndDates()
    {
        var stub = new StubHandler().OnFixture(Token, "fixtures/restforce/auth_success_response.json").OnFixture(Query, "fixtures/netcoreforce/query_case_result.json");
        await using var services = StubbedSalesforce.Build(stub);

        var first = await services.GetRequiredService<SalesforceQueryPager>().RecordsAsync("SELECT Id FROM Case", Ct).FirstAsync(Ct);

        Assert.Equal("Edge Communications", SalesforceRecord.String(first, "Account.Name"));
        Assert.Equal("Rose Gonzalez", SalesforceRecord.String(first, "Contact.Name"));
        Assert.Equal(new DateTimeOffset(2013, 4, 4, 20, 52, 22, TimeSpan.Zero), SalesforceRecord.Instant(first, "SystemModstamp"));
    }

    [Fact]
    public void Record_RestforceAggregateResult_ReadsNumbersWithOrWithoutDecimalsAndNulls()
    {
        using var recorded = JsonDocument.Parse(FixtureText.Read("fixtures/restforce/query_aggregate_success_response.json"));
        var records = recorded.RootElement.GetProperty("records").EnumerateArray().ToList();

        Assert.Equal([300d, 100d, 400d], records.Select(r => SalesforceRecord.Number(r, "expr0")!.Value));
        Assert.Null(SalesforceRecord.String(records[2], "CampaignId"));
    }

    [Fact]
    public void Map_NetCoreForceAccount_ReadsARealAccountWithoutOurFields()
    {
        using var recorded = JsonDocument.Parse(FixtureText.Read("fixtures/netcoreforce/account.json"));
        var mapper = new SalesforceAccountMapper(new SalesforceFieldMap { Country = "BillingCountry" });

        var account = mapper.Map(recorded.RootElement, ImmutableArray<Core.Signals.Signal>.Empty);

        Assert.Equal(("001i000002C8QTIAA3", "Acme Corporation", "Retail", "US"), (account.Id, account.Name, account.Industry, account.Country));
        Assert.Equal((null, null), (account.Employees, account.AnnualRevenue));
        Assert.Equal("005i0000000nZmoAAE", account.Owner!.Id);
        Assert.Equal((Tier.None, false, null), (account.Current.Tier, account.Current.TierLocked, account.Current.Score));
        Assert.Empty(account.Technologies);
    }

    [Fact]
    public void Serialize_Body_HasTheShapeOfTheDocumentedCollectionsUpdateRequest()
    {
        using var documented = JsonDocument.Parse(FixtureText.Read("fixtures/salesforce-docs/composite_sobjects_update_request.json"));
        var write = new AccountWrite("001xx000003DGb2AAG", new Core.Accounts.AlignmentState { Score = 42 }, new HashSet<AlignmentField> { AlignmentField.Score });

        using var ours = JsonDocument.Parse(SalesforceWriteMapper.Serialize([write], new SalesforceFieldMap()));

        Assert.Equal(Names(documented.RootElement), Names(ours.RootElement));
        Assert.Equal(documented.RootElement.GetProperty("allOrNone").ValueKind, ours.RootElement.GetProperty("allOrNone").ValueKind);
        var documentedRecord = documented.RootElement.GetProperty("records")[0];
        var ourRecord = ours.RootElement.GetProperty("records")[0];
        Assert.Equal(Names(documentedRecord.GetProperty("attributes")), Names(ourRecord.GetProperty("attributes")));
        Assert.Equal(documentedRecord.GetProperty("attributes").GetProperty("type").GetString(), ourRecord.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal(["attributes", "id"], Names(ourRecord).Take(2));
        Assert.Equal(["attributes", "id"], Names(documentedRecord).Take(2));
        Assert.Equal(42, ourRecord.GetProperty("Alignment_Score__c").GetInt32());
    }

    private static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
