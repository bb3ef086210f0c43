using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Sandbox.HubSpot;

namespace Alignment.Sandbox.Tests.HubSpot;

public sealed class HubSpotEmulatorTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static Account Company(string id, params Signal[] signals) => new()
    {
        Id = id, Name = "Co " + id, Employees = 300, Owner = new Owner("005A", "ae@example.com"), Signals = [.. signals],
    };

    private static async Task<(HubSpotEmulator Emulator, HttpClient Http)> StartAsync(IEnumerable<Account> accounts, Action<HubSpotEmulatorOptions>? configure = null)
    {
        var options = new HubSpotEmulatorOptions { AccessToken = "t" };
        configure?.Invoke(options);
        var emulator = await HubSpotEmulator.StartAsync(options, accounts, TestContext.Current.CancellationToken);
        var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "t");
        return (emulator, http);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonDocument> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    private static string Search(int after, int limit = 200, string filters = "") =>
        $$"""{"filterGroups":[{{filters}}],"sorts":[{"propertyName":"hs_object_id","direction":"ASCENDING"}],"properties":["name"],"limit":{{limit}},"after":"{{after}}"}""";

    [Fact]
    public async Task Search_PagingPastTheCap_Answers400WithHubSpotsErrorBody()
    {
        var (emulator, http) = await StartAsync(Enumerable.Range(1, 30).Select(i => Company(i.ToString(CultureInfo.InvariantCulture))), o => o.SearchResultCap = 20);
        await using var _ = emulator;
        using var __ = http;

        using var last = await http.PostAsync("crm/objects/2026-03/companies/search", Json(Search(10, 10)), TestContext.Current.CancellationToken);
        using var past = await http.PostAsync("crm/objects/2026-03/companies/search", Json(Search(20, 10)), TestContext.Current.CancellationToken);

        using var lastBody = await BodyAsync(last);
        Assert.Equal(30, lastBody.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("20", lastBody.RootElement.GetProperty("paging").GetProperty("next").GetProperty("after").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        using var error = await BodyAsync(past);
        Assert.Equal("VALIDATION_ERROR", error.RootElement.GetProperty("category").GetString());
        Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task Search_ObjectIdGreaterThan_RestartsAfterTheLastId()
    {
        var (emulator, http) = await StartAsync(Enumerable.Range(1, 5).Select(i => Company(i.ToString(CultureInfo.InvariantCulture))));
        await using var _ = emulator;
        using var __ = http;

        using var response = await http.PostAsync("crm/v3/objects/companies/search",
            Json(Search(0, 10, """{"filters":[{"propertyName":"hs_object_id","operator":"GT","value":"3"}]}""")), TestContext.Current.CancellationToken);

        using var body = await BodyAsync(response);
        Assert.Equal(["4", "5"], body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Calls_BeyondTheRollingWindow_Answer429WithRetryAfterAndPolicy()
    {
        var (emulator, http) = await StartAsync([Company("1")], o => { o.RateLimitMax = 3; o.RateLimitInterval = TimeSpan.FromMinutes(1); });
        await using var _ = emulator;
        using var __ = http;
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await http.PostAsync("crm/objects/2026-03/companies/batch/read", Json("""{"properties":[],"propertiesWithHistory":[],"inputs":[{"id":"1"}]}"""), TestContext.Current.CancellationToken));
        }

        Assert.Equal([200, 200, 200, 429], responses.Select(r => (int)r.StatusCode));
        Assert.Equal("3", responses[0].Headers.GetValues("X-HubSpot-RateLimit-Max").Single());
        Assert.Equal("2", responses[0].Headers.GetValues("X-HubSpot-RateLimit-Remaining").Single());
        Assert.Equal("60000", responses[0].Headers.GetValues("X-HubSpot-RateLimit-Interval-Milliseconds").Single());
        Assert.True(responses[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var body = await BodyAsync(responses[3]);
        Assert.Equal("TEN_SECONDLY_ROLLING", body.RootElement.GetProperty("policyName").GetString());
        Assert.Equal(1, emulator.Counter["throttled"]);
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Search_BeyondItsPerSecondRate_Answers429WithoutUsingTheBurstBudget()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T);
        var (emulator, http) = await StartAsync([Company("1")], o => { o.SearchRequestsPerSecond = 2; o.RateLimitMax = 1; o.Time = clock; });
        await using var _ = emulator;
        using var __ = http;
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PostAsync("crm/objects/2026-03/companies/search", Json(Search(0)), TestContext.Current.CancellationToken);
            statuses.Add((int)response.StatusCode);
        }

        using var read = await http.PostAsync("crm/objects/2026-03/companies/batch/read", Json("""{"properties":[],"propertiesWithHistory":[],"inputs":[{"id":"1"}]}"""), TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await http.PostAsync("crm/objects/2026-03/companies/search", Json(Search(0)), TestContext.Current.CancellationToken);

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Calls_WithoutTheToken_Answer401()
    {
        var (emulator, http) = await StartAsync([Company("1")]);
        await using var _ = emulator;
        using var __ = http;
        http.DefaultRequestHeaders.Authorization = null;

        using var response = await http.GetAsync("crm/owners/2026-03", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = await BodyAsync(response);
        Assert.Equal("INVALID_AUTHENTICATION", body.RootElement.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Paths_OtherDateVersion_Answer404AndNumberedAliasesWork()
    {
        var (emulator, http) = await StartAsync([Company("1")]);
        await using var _ = emulator;
        using var __ = http;

        using var other = await http.GetAsync("crm/owners/2025-09", TestContext.Current.CancellationToken);
        using var alias = await http.GetAsync("crm/v3/owners", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var owners = await BodyAsync(alias);
        Assert.Equal("ae@example.com", owners.RootElement.GetProperty("results")[0].GetProperty("email").GetString());
    }

    [Fact]
    public async Task BatchUpdate_InjectedRejection_Answers207WithThatRecordsError()
    {
        var (emulator, http) = await StartAsync([Company("1"), Company("2")]);
        await using var _ = emulator;
        using var __ = http;
        emulator.Faults.RejectUpdatesOf("2");

        using var response = await http.PostAsync("crm/objects/2026-03/companies/batch/update",
            Json("""{"inputs":[{"id":"1","properties":{"alignment_score":"80"}},{"id":"2","properties":{"alignment_score":"81"},"objectWriteTraceId":"t2"}]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(207, (int)response.StatusCode);
        using var body = await BodyAsync(response);
        Assert.Equal(1, body.RootElement.GetProperty("numErrors").GetInt32());
        Assert.Equal("t2", body.RootElement.GetProperty("errors")[0].GetProperty("context").GetProperty("objectWriteTraceId")[0].GetString());
        Assert.Equal("80", emulator.GetCompanyProperties("1")!["alignment_score"]);
        Assert.Null(emulator.GetCompanyProperties("2")!["alignment_score"]);
    }

    [Fact]
    public async Task BatchUpdate_InvalidOption_RefusesTheWholeBatch()
    {
        var (emulator, http) = await StartAsync([Company("1")]);
        await using var _ = emulator;
        using var __ = http;

        using var response = await http.PostAsync("crm/objects/2026-03/companies/batch/update",
            Json("""{"inputs":[{"id":"1","properties":{"alignment_tier":"Gold","alignment_score":"3"}}]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(emulator.GetCompanyProperties("1")!["alignment_score"]);
    }

    [Fact]
    public async Task AssociationsBatchRead_MoreThan100Inputs_Answers400()
    {
        var (emulator, http) = await StartAsync([Company("1")]);
        await using var _ = emulator;
        using var __ = http;
        var inputs = string.Join(',', Enumerable.Range(1, 101).Select(i => $$"""{"id":"{{i}}"}"""));

        using var response = await http.PostAsync("crm/associations/2026-03/companies/contacts/batch/read", Json($$"""{"inputs":[{{inputs}}]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Seed_Signals_BecomeAssociatedEngagementRecords()
    {
        var (emulator, http) = await StartAsync([Company("1", new Signal(SignalKind.EmailReply, T, "c1", "Re: hi"), new Signal(SignalKind.MeetingBooked, T, "c1"))]);
        await using var _ = emulator;
        using var __ = http;

        using var emails = await http.PostAsync("crm/v4/associations/companies/emails/batch/read", Json("""{"inputs":[{"id":"1"}]}"""), TestContext.Current.CancellationToken);
        using var body = await BodyAsync(emails);
        var emailId = body.RootElement.GetProperty("results")[0].GetProperty("to")[0].GetProperty("toObjectId").GetInt64();
        using var read = await http.PostAsync("crm/objects/2026-03/emails/batch/read",
            Json($$"""{"properties":["hs_email_direction","hs_email_subject"],"propertiesWithHistory":[],"inputs":[{"id":"{{emailId}}"}]}"""), TestContext.Current.CancellationToken);
        using var email = await BodyAsync(read);

        var properties = email.RootElement.GetProperty("results")[0].GetProperty("properties");
        Assert.Equal("INCOMING_EMAIL", properties.GetProperty("hs_email_direction").GetString());
        Assert.Equal("Re: hi", properties.GetProperty("hs_email_subject").GetString());
        Assert.Equal(1, emulator.Counter["associations"]);
        Assert.Equal(1, emulator.Counter["batch-read"]);
    }

    [Fact]
    public async Task SetCompanyProperty_AsAPerson_ChangesTheValueAndTheModificationDate()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T);
        var (emulator, http) = await StartAsync([Company("1")], o => o.Time = clock);
        await using var _ = emulator;
        using var __ = http;
        clock.Advance(TimeSpan.FromMinutes(5));

        emulator.SetCompanyProperty("1", "alignment_tier_locked", "true");

        var properties = emulator.GetCompanyProperties("1")!;
        Assert.Equal("true", properties["alignment_tier_locked"]);
        Assert.Equal("2026-11-20T15:05:00.000Z", properties["hs_lastmodifieddate"]);
    }

    [Fact]
    public async Task InjectedServerError_Answers502ThenRecovers()
    {
        var (emulator, http) = await StartAsync([Company("1")]);
        await using var _ = emulator;
        using var __ = http;
        emulator.Faults.FailNext(1);

        using var first = await http.GetAsync("crm/owners/2026-03", TestContext.Current.CancellationToken);
        using var second = await http.GetAsync("crm/owners/2026-03", TestContext.Current.CancellationToken);

        Assert.Equal([502, 200], new[] { (int)first.StatusCode, (int)second.StatusCode });
    }

    [Fact]
    public async Task Properties_CreateTwice_Answers409()
    {
        var (emulator, http) = await StartAsync([], o => o.DefineAlignmentProperties = false);
        await using var _ = emulator;
        using var __ = http;
        const string property = """{"name":"x_score","label":"X","type":"number","fieldType":"number","groupName":"g"}""";

        using var group = await http.PostAsync("crm/properties/2026-03/companies/groups", Json("""{"name":"g","label":"G"}"""), TestContext.Current.CancellationToken);
        using var created = await http.PostAsync("crm/properties/2026-03/companies", Json(property), TestContext.Current.CancellationToken);
        using var again = await http.PostAsync("crm/properties/2026-03/companies", Json(property), TestContext.Current.CancellationToken);
        using var read = await http.GetAsync("crm/properties/2026-03/companies/x_score", TestContext.Current.CancellationToken);
        using var missing = await http.GetAsync("crm/properties/2026-03/companies/y_score", TestContext.Current.CancellationToken);

        Assert.Equal([201, 201, 409, 200, 404], new[] { group, created, again, read, missing }.Select(r => (int)r.StatusCode));
    }
}
