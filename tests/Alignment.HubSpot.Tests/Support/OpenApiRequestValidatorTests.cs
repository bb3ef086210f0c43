namespace Alignment.HubSpot.Tests.Support;

/// <summary>The validator the contract tests rely on must be able to fail: each broken request below is flagged.</summary>
public sealed class OpenApiRequestValidatorTests
{
    private const string Api = "https://api.hubapi.com/";
    private const string ValidSearch = """{"filterGroups":[],"sorts":[],"properties":["name"],"limit":200,"after":"0"}""";

    public static TheoryData<string, string, string?, string> BrokenRequests() => new()
    {
        { "POST", "crm/objects/2026-03/companies/batch/delete", "{}", "no such path" },
        { "POST", "crm/objects/2025-09/companies/search", ValidSearch, "no such path" },
        { "POST", "crm/companies/2026-03/search", ValidSearch, "no such path" },
        { "GET", "crm/objects/2026-03/companies/search", null, "method not in" },
        { "PUT", "crm/objects/2026-03/companies/batch/update", """{"inputs":[]}""", "method not in" },
        { "POST", "crm/objects/2026-03/companies/search", """{"filterGroups":[],"limit":200}""", "$.after is required" },
        { "POST", "crm/objects/2026-03/companies/search", """{"filterGroups":[],"sorts":[],"properties":"name","limit":200,"after":"0"}""", "$.properties must be an array" },
        { "POST", "crm/objects/2026-03/companies/batch/update", """{"inputs":[{"id":"1"}]}""", "$.inputs[0].properties is required" },
        { "POST", "crm/objects/2026-03/companies/batch/update", null, "the body is required" },
        { "POST", "crm/objects/2026-03/companies/batch/read", """{"properties":[],"inputs":[{"id":"1"}]}""", "$.propertiesWithHistory is required" },
        { "POST", "crm/associations/2026-03/companies/contacts/batch/read", """{"inputs":[{"after":"2"}]}""", "$.inputs[0].id is required" },
        { "POST", "crm/properties/2026-03/companies", """{"name":"x","label":"X","groupName":"alignment","fieldType":"text"}""", "$.type is required" },
        { "POST", "crm/properties/2026-03/companies", """{"name":"x","label":"X","groupName":"alignment","type":"text","fieldType":"text"}""", "$.type = 'text' is not one of" },
        { "POST", "crm/properties/2026-03/companies/groups", """{"name":"alignment"}""", "$.label is required" },
        { "GET", "crm/owners/2026-03?bogus=1", null, "query parameter 'bogus'" },
        { "POST", "crm/objects/2026-03/companies/batch/read?archive=false", """{"properties":[],"propertiesWithHistory":[],"inputs":[]}""", "query parameter 'archive'" },
    };

    [Theory]
    [MemberData(nameof(BrokenRequests))]
    public void Validate_BrokenRequest_IsFlagged(string method, string relative, string? body, string expected)
    {
        var problems = new OpenApiRequestValidator().Validate(method, new Uri(Api + relative), body);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "crm/objects/2026-03/companies/search", ValidSearch)]
    [InlineData("POST", "crm/objects/2026-03/companies/batch/update", """{"inputs":[{"id":"1","properties":{"alignment_score":"5"}}]}""")]
    [InlineData("POST", "crm/associations/2026-03/companies/contacts/batch/read", """{"inputs":[{"id":"1","after":"2"}]}""")]
    [InlineData("GET", "crm/owners/2026-03?limit=100&archived=false", null)]
    [InlineData("GET", "crm/properties/2026-03/companies/groups/alignment", null)]
    public void Validate_ConformingRequest_HasNoProblems(string method, string relative, string? body)
    {
        Assert.Empty(new OpenApiRequestValidator().Validate(method, new Uri(Api + relative), body));
    }

    [Fact]
    public void Operation_LiteralTemplate_IsPreferredOverAPlaceholder()
    {
        var validator = new OpenApiRequestValidator();

        Assert.Equal("POST /crm/objects/2026-03/companies/search", validator.Operation("POST", new Uri(Api + "crm/objects/2026-03/companies/search")));
        Assert.Equal("GET /crm/v3/owners", validator.Operation("GET", new Uri(Api + "crm/owners/2026-03")));
        Assert.Null(validator.Operation("DELETE", new Uri(Api + "crm/objects/2026-03/companies/search")));
    }
}
