using Alignment.Core.Calibration;

namespace Alignment.Core.Tests.Calibration;

public sealed class OpportunityReaderTests
{
    [Fact]
    public void Read_Valid_ReadsEveryField()
    {
        const string json = """
            { "accounts": [], "opportunities": [
              { "id": "o1", "accountId": "a1", "createdAt": "2026-03-02T10:00:00+01:00", "closedAt": "2026-05-20T16:00:00Z", "won": true, "amount": 24000 },
              { "id": "o2", "accountId": "a1", "createdAt": "2026-03-02T10:00:00Z", "closedAt": null, "won": null, "amount": null } ] }
            """;

        var result = OpportunityReader.Read(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new Opportunity("o1", "a1", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 20, 16, 0, 0, TimeSpan.Zero), true, 24000m), result.Opportunities[0]);
        Assert.False(result.Opportunities[1].IsClosed);
    }

    [Theory]
    [InlineData("""{ "accounts": [] }""", "$.opportunities")]
    [InlineData("""{ "opportunities": {} }""", "$.opportunities")]
    [InlineData("""{ "opportunities": [ { "id": "o1", "accountId": "a1", "createdAt": "2026-03-02T10:00:00" } ] }""", "$.opportunities[0].createdAt")]
    [InlineData("""{ "opportunities": [ { "id": "o1", "accountId": "a1", "createdAt": "2026-03-02T10:00:00Z", "closedAt": "2026-04-02T10:00:00Z" } ] }""", "$.opportunities[0].won")]
    [InlineData("""{ "opportunities": [ { "id": "o1", "accountId": "a1", "createdAt": "2026-03-02T10:00:00Z", "amount": -5 } ] }""", "$.opportunities[0].amount")]
    [InlineData("""{ "opportunities": [ { "id": "o1", "createdAt": "2026-03-02T10:00:00Z" } ] }""", "$.opportunities[0].accountId")]
    [InlineData("""{ "opportunities": [ { "id": "o1", "accountId": "a", "createdAt": "2026-03-02T10:00:00Z" }, { "id": "o1", "accountId": "a", "createdAt": "2026-03-02T10:00:00Z" } ] }""", "$.opportunities[1].id")]
    public void Read_BadInput_NamesThePath(string json, string path)
    {
        var result = OpportunityReader.Read(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path);
    }
}
