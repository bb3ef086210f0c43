using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Sandbox.Salesforce;

namespace Alignment.Sandbox.Tests.Salesforce;

public sealed class SalesforceEmulatorTests
{
    private static string Assertion(SalesforceEmulator emulator, string? sub = null, long? exp = null)
    {
        var header = Base64Url.EncodeToString("{\"alg\":\"RS256\"}"u8);
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = emulator.Options.ClientId, ["sub"] = sub ?? emulator.Options.Username,
            ["aud"] = emulator.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["exp"] = exp ?? TimeProvider.System.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds(),
        });
        return header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + ".c2ln";
    }

    [Fact]
    public async Task Token_JwtBearer_ReturnsTokenAndInstanceUrlWithoutExpiresIn()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync([], authenticate: false);

        using var token = await f.TokenAsync(new() { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = Assertion(f.Emulator) });

        var root = token.RootElement;
        Assert.Equal(f.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority), root.GetProperty("instance_url").GetString());
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        Assert.False(root.TryGetProperty("expires_in", out _));
        Assert.Equal(1, f.Emulator.Requests.Token);
    }

    [Theory]
    [InlineData("someone@else.example", 0, "invalid_grant")]
    [InlineData(null, -60, "invalid_grant")]
    public async Task Token_BadAssertion_AnswersOAuthError(string? sub, int expOffsetSeconds, string error)
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync([], authenticate: false);
        var exp = TimeProvider.System.GetUtcNow().AddSeconds(expOffsetSeconds == 0 ? 120 : expOffsetSeconds).ToUnixTimeSeconds();

        using var token = await f.TokenAsync(new() { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = Assertion(f.Emulator, sub, exp) });

        Assert.Equal(error, token.RootElement.GetProperty("error").GetString());
        Assert.True(token.RootElement.TryGetProperty("error_description", out _));
    }

    [Fact]
    public async Task Query_WithoutToken_Answers401InvalidSessionId()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync([], authenticate: false);

        var (status, body, _) = await f.QueryAsync("SELECT Id FROM Account");

        Assert.Equal(401, status);
        Assert.Equal("INVALID_SESSION_ID", body.RootElement[0].GetProperty("errorCode").GetString());
        Assert.Equal("Session expired or invalid", body.RootElement[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Query_MoreThan2000Rows_PagesByNextRecordsUrl()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(2_500));

        var (status, first, response) = await f.QueryAsync("SELECT Id, Name, Owner.Email FROM Account ORDER BY Id");
        var next = first.RootElement.GetProperty("nextRecordsUrl").GetString()!;
        var (_, last, _) = await f.SendAsync(HttpMethod.Get, next);

        Assert.Equal(200, status);
        Assert.Equal((2500, false, 2000), (first.RootElement.GetProperty("totalSize").GetInt32(), first.RootElement.GetProperty("done").GetBoolean(), first.RootElement.GetProperty("records").GetArrayLength()));
        Assert.StartsWith("/services/data/v62.0/query/01g", next, StringComparison.Ordinal);
        Assert.Equal((true, 500), (last.RootElement.GetProperty("done").GetBoolean(), last.RootElement.GetProperty("records").GetArrayLength()));
        Assert.False(last.RootElement.TryGetProperty("nextRecordsUrl", out _));
        var record = first.RootElement.GetProperty("records")[0];
        Assert.Equal("Account", record.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal("ae@example.com", record.GetProperty("Owner").GetProperty("Email").GetString());
        Assert.Equal("api-usage=1/100000", Assert.Single(response.Headers.GetValues("Sforce-Limit-Info")));
    }

    [Fact]
    public async Task Query_BatchSizeHeader_LimitsThePage()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(450));
        f.Http.DefaultRequestHeaders.Add("Sforce-Query-Options", "batchSize=200");

        var (_, page, _) = await f.QueryAsync("SELECT Id FROM Account");

        Assert.Equal(200, page.RootElement.GetProperty("records").GetArrayLength());
    }

    [Theory]
    [InlineData("SELECT Id FROM", "MALFORMED_QUERY")]
    [InlineData("SELECT Id FROM Account WHERE Name = 'unterminated", "MALFORMED_QUERY")]
    [InlineData("SELECT Nope__c FROM Account", "INVALID_FIELD")]
    [InlineData("SELECT Id FROM Whizbang__c", "INVALID_TYPE")]
    public async Task Query_Refused_AnswersSalesforceErrorArray(string soql, string code)
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync([]);

        var (status, body, _) = await f.QueryAsync(soql);

        Assert.Equal(400, status);
        Assert.Equal(code, body.RootElement[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Query_ChildSubqueryOverTheChildPageSize_CarriesItsOwnNextRecordsUrl()
    {
        var account = SalesforceEmulatorFixture.Accounts(1).Single() with
        {
            Signals = [.. Enumerable.Range(0, 250).Select(i => new Signal(SignalKind.WebVisit, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i)))],
        };
        await using var f = await SalesforceEmulatorFixture.StartAsync([account]);

        var (_, page, _) = await f.QueryAsync("SELECT Id, (SELECT Id, Subject FROM Tasks WHERE CreatedDate >= 2026-01-01T00:00:00Z), (SELECT Id FROM Events) FROM Account");
        var tasks = page.RootElement.GetProperty("records")[0].GetProperty("Tasks");
        var (_, rest, _) = await f.SendAsync(HttpMethod.Get, tasks.GetProperty("nextRecordsUrl").GetString()!);

        Assert.Equal((250, false, 200), (tasks.GetProperty("totalSize").GetInt32(), tasks.GetProperty("done").GetBoolean(), tasks.GetProperty("records").GetArrayLength()));
        Assert.Equal(50, rest.RootElement.GetProperty("records").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.RootElement.GetProperty("records")[0].GetProperty("Events").ValueKind);
    }

    [Fact]
    public async Task Query_SemiJoinAndDateTimeLiteral_SelectAccountsWithChangedActivities()
    {
        var options = new SalesforceEmulatorOptions { SeededAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(3), options);
        f.Emulator.AddSignal(SalesforceEmulatorFixture.AccountId(2), new Signal(SignalKind.SalesTouch, TimeProvider.System.GetUtcNow()));

        var (_, page, _) = await f.QueryAsync("SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Task WHERE SystemModstamp >= 2026-06-01T00:00:00Z)");

        Assert.Equal(SalesforceEmulatorFixture.AccountId(2), page.RootElement.GetProperty("records")[0].GetProperty("Id").GetString());
        Assert.Equal(1, page.RootElement.GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task Composite_QueryLongerThanAGetUri_AnswersTheQueryPageAsOneCall()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(2_000));
        var ids = string.Join(",", Enumerable.Range(1, 2_000).Select(n => "'" + SalesforceEmulatorFixture.AccountId(n) + "'"));
        var soql = "SELECT Id FROM Account WHERE Id IN (" + ids + ") ORDER BY Id";
        var body = JsonSerializer.Serialize(new
        {
            allOrNone = false,
            compositeRequest = new[] { new { method = "GET", url = "/services/data/v62.0/query?q=" + Uri.EscapeDataString(soql), referenceId = "q" } },
        });
        f.Emulator.ResetRequestCounts();

        var (status, answer, _) = await f.SendAsync(HttpMethod.Post, "/services/data/v62.0/composite", body);

        Assert.Equal(200, status);
        var result = answer.RootElement.GetProperty("compositeResponse")[0];
        Assert.Equal((200, "q"), (result.GetProperty("httpStatusCode").GetInt32(), result.GetProperty("referenceId").GetString()));
        Assert.Equal(2_000, result.GetProperty("body").GetProperty("totalSize").GetInt32());
        Assert.Equal(1, f.Emulator.Requests.Reads);
    }

    [Fact]
    public async Task Composite_SoqlOverTheLengthLimit_SubrequestAnswers400MalformedQuery()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync([]);
        var soql = "SELECT Id FROM Account WHERE Name = '" + new string('x', 100_001) + "'";
        var body = JsonSerializer.Serialize(new
        {
            allOrNone = false,
            compositeRequest = new[] { new { method = "GET", url = "/services/data/v62.0/query?q=" + Uri.EscapeDataString(soql), referenceId = "q" } },
        });

        var (status, answer, _) = await f.SendAsync(HttpMethod.Post, "/services/data/v62.0/composite", body);

        var result = answer.RootElement.GetProperty("compositeResponse")[0];
        Assert.Equal((200, 400), (status, result.GetProperty("httpStatusCode").GetInt32()));
        Assert.Equal("MALFORMED_QUERY", result.GetProperty("body")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task UpdateCollection_AllOrNoneFalse_AppliesValidRecordsAndReportsOthersInOrder()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(2));
        f.Emulator.Faults.RejectRecords([SalesforceEmulatorFixture.AccountId(2)]);
        var body = Collection(false, (SalesforceEmulatorFixture.AccountId(1), 10), ("001xx000003DGb2999", 11), (SalesforceEmulatorFixture.AccountId(2), 12));

        var (status, results, _) = await f.SendAsync(HttpMethod.Patch, "/services/data/v62.0/composite/sobjects", body);

        Assert.Equal(200, status);
        Assert.Equal([true, false, false], results.RootElement.EnumerateArray().Select(r => r.GetProperty("success").GetBoolean()));
        Assert.Equal("INVALID_CROSS_REFERENCE_KEY", results.RootElement[1].GetProperty("errors")[0].GetProperty("statusCode").GetString());
        Assert.Equal("FIELD_CUSTOM_VALIDATION_EXCEPTION", results.RootElement[2].GetProperty("errors")[0].GetProperty("statusCode").GetString());
        Assert.Equal(10m, f.Emulator.GetAccountFields(SalesforceEmulatorFixture.AccountId(1))!["Alignment_Score__c"]);
    }

    [Fact]
    public async Task UpdateCollection_AllOrNoneTrueWithAFailure_RollsEverythingBack()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(2));
        f.Emulator.Faults.LockRows([SalesforceEmulatorFixture.AccountId(2)]);

        var (_, results, _) = await f.SendAsync(HttpMethod.Patch, "/services/data/v62.0/composite/sobjects",
            Collection(true, (SalesforceEmulatorFixture.AccountId(1), 10), (SalesforceEmulatorFixture.AccountId(2), 12)));

        Assert.Equal(["ALL_OR_NONE_OPERATION_ROLLED_BACK", "UNABLE_TO_LOCK_ROW"],
            results.RootElement.EnumerateArray().Select(r => r.GetProperty("errors")[0].GetProperty("statusCode").GetString()));
        Assert.Null(f.Emulator.GetAccountFields(SalesforceEmulatorFixture.AccountId(1))!["Alignment_Score__c"]);
    }

    [Fact]
    public async Task UpdateCollection_RestrictedPicklistValue_IsRefusedPerRecord()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(1));
        var body = "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"id\":\"" + SalesforceEmulatorFixture.AccountId(1) + "\",\"Alignment_Tier__c\":\"Tier 1\"}]}";

        var (_, results, _) = await f.SendAsync(HttpMethod.Patch, "/services/data/v62.0/composite/sobjects", body);

        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", results.RootElement[0].GetProperty("errors")[0].GetProperty("statusCode").GetString());
    }

    [Fact]
    public async Task UpdateCollection_MoreThan200Records_Answers400()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(201));

        var (status, body, _) = await f.SendAsync(HttpMethod.Patch, "/services/data/v62.0/composite/sobjects",
            Collection(false, [.. Enumerable.Range(1, 201).Select(n => (SalesforceEmulatorFixture.AccountId(n), 1))]));

        Assert.Equal(400, status);
        Assert.Equal(JsonValueKind.Array, body.RootElement.ValueKind);
        Assert.Null(f.Emulator.GetAccountFields(SalesforceEmulatorFixture.AccountId(1))!["Alignment_Score__c"]);
    }

    [Fact]
    public async Task UpdateCollection_UnknownField_Answers400InvalidField()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(1));
        var body = "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"id\":\"" + SalesforceEmulatorFixture.AccountId(1) + "\",\"Foo__c\":1}]}";

        var (status, error, _) = await f.SendAsync(HttpMethod.Patch, "/services/data/v62.0/composite/sobjects", body);

        Assert.Equal((400, "INVALID_FIELD"), (status, error.RootElement[0].GetProperty("errorCode").GetString()));
    }

    [Fact]
    public async Task Faults_RequestLimitExceededAndServiceUnavailable_AnswerSalesforceShapes()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync([]);
        f.Emulator.Faults.FailNextRequests(1);
        var (unavailable, _, _) = await f.QueryAsync("SELECT Id FROM Account");
        f.Emulator.Faults.RequestLimitExceeded = true;

        var (status, body, _) = await f.QueryAsync("SELECT Id FROM Account");

        Assert.Equal(503, unavailable);
        Assert.Equal((403, "REQUEST_LIMIT_EXCEEDED"), (status, body.RootElement[0].GetProperty("errorCode").GetString()));
        Assert.Equal(2, f.Emulator.Requests.Reads);
    }

    [Fact]
    public async Task Faults_ConcurrentRequestLimit_AnswersRequestLimitExceededThenClears()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync([]);
        f.Emulator.Faults.ExceedConcurrentRequestLimit(1);

        var (refused, body, _) = await f.QueryAsync("SELECT Id FROM Account");
        var (next, _, _) = await f.QueryAsync("SELECT Id FROM Account");

        Assert.Equal((403, "REQUEST_LIMIT_EXCEEDED"), (refused, body.RootElement[0].GetProperty("errorCode").GetString()));
        Assert.StartsWith("ConcurrentPerOrgLongTxn", body.RootElement[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, next);
    }

    [Fact]
    public async Task Limits_ReportsDailyApiRequests()
    {
        await using var f = await SalesforceEmulatorFixture.StartAsync([], new SalesforceEmulatorOptions { DailyApiLimit = 5000, ApiUsageStart = 62 });

        var (_, limits, _) = await f.SendAsync(HttpMethod.Get, "/services/data/v62.0/limits");

        var daily = limits.RootElement.GetProperty("DailyApiRequests");
        Assert.Equal((5000, 4937), (daily.GetProperty("Max").GetInt32(), daily.GetProperty("Remaining").GetInt32()));
    }

    [Fact]
    public async Task SetAccountField_AsAHuman_ChangesTheValueAndSystemModstamp()
    {
        var options = new SalesforceEmulatorOptions { SeededAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        await using var f = await SalesforceEmulatorFixture.StartAsync(SalesforceEmulatorFixture.Accounts(1), options);

        f.Emulator.SetAccountField(SalesforceEmulatorFixture.AccountId(1), "Alignment_Handoff_Status__c", "Accepted");

        var fields = f.Emulator.GetAccountFields(SalesforceEmulatorFixture.AccountId(1))!;
        Assert.Equal("Accepted", fields["Alignment_Handoff_Status__c"]);
        Assert.True((DateTimeOffset)fields["SystemModstamp"]! > options.SeededAt);
        Assert.Throws<ArgumentException>(() => f.Emulator.SetAccountField(SalesforceEmulatorFixture.AccountId(1), "Nope__c", 1));
    }

    private static string Collection(bool allOrNone, params (string Id, int Score)[] records) =>
        "{\"allOrNone\":" + (allOrNone ? "true" : "false") + ",\"records\":["
        + string.Join(",", records.Select(r => "{\"attributes\":{\"type\":\"Account\"},\"id\":\"" + r.Id + "\",\"Alignment_Score__c\":" + r.Score.ToString(CultureInfo.InvariantCulture) + "}"))
        + "]}";
}
