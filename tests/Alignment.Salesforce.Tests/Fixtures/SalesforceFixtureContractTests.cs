using System.Net;
using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Salesforce.Http;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Salesforce.Tests.Fixtures;

/// <summary>The client against recorded Salesforce bodies (shared/crm-api/fixtures).</summary>
public sealed class SalesforceFixtureContractTests
{
    private const string Token = "/services/oauth2/token";
    private const string Query = "/services/data/v62.0/query?";
    private static readonly DateTimeOffset Since = new(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AccountWrite Write(string id) => new(id, new AlignmentState { Score = 1 }, new HashSet<AlignmentField> { AlignmentField.Score });

    [Fact]
    public async Task TokenResponse_RestforceSuccess_CallsTheInstanceUrlWithTheAccessToken()
    {
        var stub = new StubHandler().OnFixture(Token, "fixtures/restforce/auth_success_response.json").OnFixture(Query, "fixtures/netcoreforce/query_empty_result.json");
        await using var services = StubbedSalesforce.Build(stub);

        var read = await services.GetRequiredService<ICrm>().ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct);

        Assert.Empty(read);
        var (method, uri, authorization, body) = stub.Requests[0];
        Assert.Equal((HttpMethod.Post, "https://login.salesforce.com/services/oauth2/token"), (method, uri.ToString()));
        Assert.StartsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=", body, StringComparison.Ordinal);
        Assert.Equal("na1.salesforce.com", stub.Requests[1].Uri.Host);
        Assert.StartsWith("Bearer 00Dx0000000BV7z!AR8AQ", stub.Requests[1].Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenResponse_RestforceError_ThrowsWithTheOAuthErrorCode()
    {
        var stub = new StubHandler().OnFixture(Token, "fixtures/restforce/auth_error_response.json", HttpStatusCode.BadRequest);
        await using var services = StubbedSalesforce.Build(stub);

        var ex = await Assert.ThrowsAsync<CrmException>(async () => await services.GetRequiredService<ICrm>().ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Equal(("invalid_grant", 400, false), (ex.ErrorCode, ex.StatusCode, ex.IsTransient));
        Assert.Contains("authentication failure - Invalid Password", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSession_RestforceRefreshFixture_ReplaysTheRequestWithTheNewToken()
    {
        var tokens = 0;
        var stub = new StubHandler()
            .On(Token, _ => StubHandler.Json(FixtureText.Read(++tokens == 1 ? "fixtures/restforce/auth_success_response.json" : "fixtures/restforce/refresh_success_response.json")))
            .On(Query, r => r.Headers.Authorization!.Parameter == "refreshed_access_token"
                ? StubHandler.Json(FixtureText.Read("fixtures/netcoreforce/query_empty_result.json"))
                : StubHandler.Json("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]", HttpStatusCode.Unauthorized));
        await using var services = StubbedSalesforce.Build(stub);

        await services.GetRequiredService<ICrm>().ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct);

        Assert.Equal(2, tokens);
        Assert.Equal(4, stub.Requests.Count);
        Assert.Equal(stub.Requests[1].Uri, stub.Requests[3].Uri);
    }

    [Fact]
    public async Task QueryAll_RestforcePaginatedFixtures_FollowsNextRecordsUrlAsGiven()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .OnFixture("/services/data/v26.0/query/01gD", "fixtures/restforce/query_paginated_last_page_response.json")
            .OnFixture(Query, "fixtures/restforce/query_paginated_first_page_response.json");
        await using var services = StubbedSalesforce.Build(stub);
        var pager = services.GetRequiredService<SalesforceQueryPager>();

        var labels = await pager.RecordsAsync("SELECT Text_Label FROM Whizbang", Ct).Select(r => SalesforceRecord.String(r, "Text_Label")).ToListAsync(Ct);

        Assert.Equal(["First Page", "Last Page"], labels);
        Assert.Equal("/services/data/v26.0/query/01gD", stub.Requests[^1].Uri.PathAndQuery);
    }

    [Fact]
    public async Task QueryAll_NetCoreForceBatches_ReadsEveryPage()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .OnFixture("/services/data/v57.0/query/01gC000006QJJ7fIAH-200", "fixtures/netcoreforce/querybatch_batch-2.json")
            .OnFixture("/services/data/v57.0/query/01gC000006QJJ7fIAH-400", "fixtures/netcoreforce/querybatch_batch-4.json")
            .OnFixture(Query, "fixtures/netcoreforce/querybatch_batch-1.json");
        await using var services = StubbedSalesforce.Build(stub);

        var count = await services.GetRequiredService<SalesforceQueryPager>().RecordsAsync("SELECT Id FROM Contact", Ct).CountAsync(Ct);

        Assert.Equal(600, count);
    }

    [Fact]
    public async Task ChildRecords_JsforceDerivedFixtures_FollowNextRecordsUrlInsideEachChildRelationship()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .OnFixture("/services/data/v53.0/query/01gxx000000NEXT001", "fixtures/jsforce-derived/account_subquery_contacts_next001.json")
            .OnFixture("/services/data/v53.0/query/01gxx000000NEXT002", "fixtures/jsforce-derived/account_subquery_tasks_next002.json")
            .OnFixture(Query, "fixtures/jsforce-derived/account_subquery_contacts_tasks_page1.json");
        await using var services = StubbedSalesforce.Build(stub);
        var pager = services.GetRequiredService<SalesforceQueryPager>();
        var account = await pager.RecordsAsync("SELECT Id FROM Account", Ct).SingleAsync(Ct);

        var tasks = await pager.ChildRecordsAsync(account, "Tasks", Ct).Select(r => SalesforceRecord.String(r, "Subject")).ToListAsync(Ct);
        var contacts = await pager.ChildRecordsAsync(account, "Contacts", Ct).CountAsync(Ct);

        Assert.Equal(250, tasks.Count);
        Assert.Equal(250, tasks.Distinct().Count());
        Assert.Equal("Task 250", tasks[^1]);
        Assert.Equal(250, contacts);
    }

    [Fact]
    public async Task ReadAccounts_JsforceDerivedAccount_ReadsTheAccountAndItsPagedTasksAndContacts()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .OnFixture("/services/data/v53.0/query/01gxx000000NEXT001", "fixtures/jsforce-derived/account_subquery_contacts_next001.json")
            .OnFixture("/services/data/v53.0/query/01gxx000000NEXT002", "fixtures/jsforce-derived/account_subquery_tasks_next002.json")
            .OnFixture(Query, "fixtures/jsforce-derived/account_subquery_contacts_tasks_page1.json");
        await using var services = StubbedSalesforce.Build(stub);

        var account = Assert.Single(await services.GetRequiredService<ICrm>().ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Equal(("001xx000003DGb2AAG", "Test Account"), (account.Account.Id, account.Account.Name));
        Assert.Contains(stub.Requests, r => r.Uri.PathAndQuery == "/services/data/v53.0/query/01gxx000000NEXT002");
        // The account's contacts are not selected (a signal's contact title comes with its activity, Who.Title), so the
        // recorded response's Contacts set is ignored and its next page never fetched.
        Assert.DoesNotContain(stub.Requests, r => r.Uri.PathAndQuery == "/services/data/v53.0/query/01gxx000000NEXT001");
        Assert.Equal(new Uri("https://na1.salesforce.com/lightning/r/Account/001xx000003DGb2AAG/view"), account.Url);
    }

    [Fact]
    public async Task Write_PartialFailureAllOrNoneFalse_ReportsTheFailedRecordByPosition()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .OnFixture("/services/data/v62.0/composite/sobjects", "fixtures/salesforce-docs/composite_sobjects_update_partial_failure_allOrNone_false.json");
        await using var services = StubbedSalesforce.Build(stub);

        var result = await services.GetRequiredService<ICrm>().WriteAsync([Write("001RM000003oCprYAE"), Write("001xx000003DGb2999")], Ct);

        Assert.Equal(["001RM000003oCprYAE"], result.Written);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("001xx000003DGb2999", "MALFORMED_ID", false), (failure.AccountId, failure.ErrorCode, failure.Transient));
        Assert.Contains("id value of incorrect type", failure.Message, StringComparison.Ordinal);
        using var sent = JsonDocument.Parse(stub.Requests[^1].Body!);
        Assert.False(sent.RootElement.GetProperty("allOrNone").GetBoolean());
        Assert.Equal("Account", sent.RootElement.GetProperty("records")[0].GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal(HttpMethod.Patch, stub.Requests[^1].Method);
    }

    [Fact]
    public async Task Write_PartialFailureAllOrNoneTrue_ReportsEveryRecordWithItsCode()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .OnFixture("/services/data/v62.0/composite/sobjects", "fixtures/salesforce-docs/composite_sobjects_update_partial_failure_allOrNone_true.json");
        await using var services = StubbedSalesforce.Build(stub);

        var result = await services.GetRequiredService<ICrm>().WriteAsync([Write("001RM000003oCprYAE"), Write("001xx000003DGb2999")], Ct);

        Assert.Empty(result.Written);
        Assert.Equal(["ALL_OR_NONE_OPERATION_ROLLED_BACK", "MALFORMED_ID"], result.Failures.Select(f => f.ErrorCode));
    }

    [Fact]
    public async Task Limits_DocsExcerpt_ReportsDailyApiRequests()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .OnFixture("/services/data/v62.0/limits", "fixtures/salesforce-docs/limits_excerpt.json");
        await using var services = StubbedSalesforce.Build(stub);

        var daily = await services.GetRequiredService<SalesforceApiClient>().GetDailyApiRequestsAsync(Ct);

        Assert.Equal((5000L, 4937L), (daily!.Max, daily.Remaining));
        var usage = services.GetRequiredService<ICrm>().GetUsage();
        Assert.Equal((63L, 5000L), (usage.DailyUsed, usage.DailyLimit));
    }

    [Theory]
    [InlineData("fixtures/restforce/query_error_response.json", HttpStatusCode.BadRequest, "INVALID_FIELD", "error_message")]
    [InlineData("fixtures/restforce/write_error_response.json", HttpStatusCode.BadRequest, "INVALID_FIELD", "No such column 'foo' on sobject of type Bar")]
    [InlineData("fixtures/restforce/delete_error_response.json", HttpStatusCode.NotFound, "NOT_FOUND", "Provided external ID field")]
    public async Task Query_ErrorFixtures_ThrowCrmExceptionWithCodeAndMessage(string fixture, HttpStatusCode status, string code, string message)
    {
        var stub = new StubHandler().OnFixture(Token, "fixtures/restforce/auth_success_response.json").OnFixture(Query, fixture, status);
        await using var services = StubbedSalesforce.Build(stub);

        var ex = await Assert.ThrowsAsync<CrmException>(async () => await services.GetRequiredService<ICrm>().ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Equal((code, (int)status, false, "salesforce"), (ex.ErrorCode, ex.StatusCode, ex.IsTransient, ex.Crm));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count); // a 4xx is not retried
    }

    [Fact]
    public async Task Write_BadJsonSingleObjectError_ThrowsCrmException()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .On("/services/data/v62.0/composite/sobjects", _ => StubHandler.Json("{\"message\":\"Json Deserialization failed on token 'null'\",\"errorCode\":\"INVALID_FIELD\"}", HttpStatusCode.BadRequest));
        await using var services = StubbedSalesforce.Build(stub);

        var ex = await Assert.ThrowsAsync<CrmException>(() => services.GetRequiredService<ICrm>().WriteAsync([Write("001RM000003oCprYAE")], Ct));

        Assert.Equal("INVALID_FIELD", ex.ErrorCode);
    }

    [Fact]
    public async Task Query_RequestLimitExceeded_ThrowsBudgetExhaustedWithoutRetry()
    {
        var stub = new StubHandler()
            .OnFixture(Token, "fixtures/restforce/auth_success_response.json")
            .On(Query, _ => StubHandler.Json("[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]", HttpStatusCode.Forbidden, "api-usage=5001/5000"));
        await using var services = StubbedSalesforce.Build(stub);
        var crm = services.GetRequiredService<ICrm>();

        await Assert.ThrowsAsync<CrmBudgetExhaustedException>(async () => await crm.ReadAccountsAsync(new CrmReadRequest(null, Since), Ct).ToListAsync(Ct));

        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(new ApiUsage(2, 5001, 5000), crm.GetUsage());
    }

    [Theory]
    [InlineData("api-usage=18/5000", 18L, 5000L)]
    [InlineData("api-usage=25/5000; per-app-api-usage=17/250(appName=sample-app)", 25L, 5000L)]
    [InlineData("per-app-api-usage=17/250(appName=sample-app); api-usage=10018/100000", 10018L, 100000L)]
    [InlineData("api-usage=10018/100000; api-bursts=1/750", 10018L, 100000L)]
    public void TryParse_LimitInfoHeaders_ReadsApiUsage(string header, long used, long limit)
    {
        Assert.True(SalesforceApiUsageTracker.TryParse(header, out var u, out var l));
        Assert.Equal((used, limit), (u, l));
    }

    [Fact]
    public void Record_RestforceQuerySuccess_ReadsDatesParentLookupAndChildRelationship()
    {
        using var doc = JsonDocument.Parse(FixtureText.Read("fixtures/restforce/query_success_response.json"));
        var record = doc.RootElement.GetProperty("records")[0];

        Assert.Equal(new DateTimeOffset(2011, 7, 7, 0, 37, 0, TimeSpan.Zero), SalesforceRecord.Instant(record, "DateTime_Label"));
        Assert.Equal(new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero), SalesforceRecord.Instant(record, "Date_Label"));
        Assert.Equal("Parent Whizbang", SalesforceRecord.String(record, "ParentWhizbang__r.Name"));
        Assert.Equal("four;six", SalesforceRecord.String(record, "Picklist_Multiselect_Label"));
        Assert.False(SalesforceRecord.Bool(record, "Checkbox_Label"));
    }

    [Fact]
    public async Task ChildRecords_RestforceChildRelationshipDone_YieldsInlineRowsWithoutACall()
    {
        var stub = new StubHandler();
        await using var services = StubbedSalesforce.Build(stub);
        using var doc = JsonDocument.Parse(FixtureText.Read("fixtures/restforce/query_success_response.json"));

        var names = await services.GetRequiredService<SalesforceQueryPager>().ChildRecordsAsync(doc.RootElement.GetProperty("records")[0], "Whizbangs__r", Ct)
            .Select(r => SalesforceRecord.String(r, "Name")).ToListAsync(Ct);

        Assert.Equal(["Child Whizbang"], names);
        Assert.Empty(stub.Requests);
    }
}
