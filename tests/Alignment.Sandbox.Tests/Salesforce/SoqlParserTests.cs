using Alignment.Sandbox.Salesforce.Soql;

namespace Alignment.Sandbox.Tests.Salesforce;

public sealed class SoqlParserTests
{
    [Fact]
    public void Parse_AdapterShapedQuery_ReadsSelectSubqueriesWhereAndOrder()
    {
        var query = SoqlParser.Parse(
            "SELECT Id, Owner.Email, (SELECT Id FROM Tasks WHERE CreatedDate >= 2026-08-22T15:00:00Z) FROM Account " +
            "WHERE (Alignment_Handoff_Status__c = 'Pending') AND (Id IN (SELECT AccountId FROM Task WHERE SystemModstamp >= 2026-11-20T15:00:00Z)) ORDER BY Id");

        Assert.Equal("Account", query.From);
        Assert.Equal(["Id", "Owner.Email", null], query.Select.Select(s => s.Path));
        Assert.Equal("Tasks", query.Select[2].Subquery!.From);
        var and = Assert.IsType<SoqlAnd>(query.Where);
        Assert.Equal(new SoqlComparison("Alignment_Handoff_Status__c", "=", "Pending"), and.Left);
        Assert.Equal("Task", Assert.IsType<SoqlIn>(and.Right).SemiJoin!.From);
        Assert.Equal([("Id", false)], query.OrderBy);
    }

    [Theory]
    [InlineData(@"'O\'Brien'", "O'Brien")]
    [InlineData(@"'a\\b'", @"a\b")]
    [InlineData(@"'x\' OR Name != \''", "x' OR Name != '")]
    public void Parse_EscapedString_IsOneValue(string literal, string value)
    {
        var query = SoqlParser.Parse("SELECT Id FROM Account WHERE Name = " + literal);

        Assert.Equal(new SoqlComparison("Name", "=", value), query.Where);
    }

    [Theory]
    [InlineData("2026-11-20T15:00:00Z")]
    [InlineData("2026-11-20T16:00:00+01:00")]
    public void Parse_DateTimeLiteral_IsAUtcInstant(string literal)
    {
        var query = SoqlParser.Parse("SELECT Id FROM Account WHERE SystemModstamp > " + literal);

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero), ((SoqlComparison)query.Where!).Value);
    }

    [Fact]
    public void Parse_InListNotAndLimit_AreRead()
    {
        var query = SoqlParser.Parse("SELECT Id FROM Account WHERE NOT Id IN ('001A', '001B') OR NumberOfEmployees <= 10 LIMIT 5");

        var or = Assert.IsType<SoqlOr>(query.Where);
        Assert.Equal(["001A", "001B"], Assert.IsType<SoqlIn>(Assert.IsType<SoqlNot>(or.Left).Inner).Values);
        Assert.Equal(10m, Assert.IsType<SoqlComparison>(or.Right).Value);
        Assert.Equal(5, query.Limit);
    }

    [Theory]
    [InlineData("SELECT FROM Account")]
    [InlineData("SELECT Id FROM Account WHERE")]
    [InlineData("SELECT Id FROM Account; DELETE")]
    [InlineData("SELECT Id FROM Account WHERE Name = 'x' extra")]
    [InlineData("SELECT Id FROM Account WHERE Name = \"x\"")]
    public void Parse_OutsideTheSubset_Throws(string soql) => Assert.Throws<SoqlSyntaxException>(() => SoqlParser.Parse(soql));
}
