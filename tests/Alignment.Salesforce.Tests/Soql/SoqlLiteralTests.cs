using System.Text;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Soql;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Salesforce.Tests.Soql;

public sealed class SoqlLiteralTests
{
    [Theory]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("x' OR Name != '", @"'x\' OR Name != \''")]
    [InlineData("line\nbreak\ttab", @"'line\nbreak\ttab'")]
    [InlineData("quote\"d", "'quote\\\"d'")]
    public void String_SpecialCharacters_AreEscaped(string value, string expected) => Assert.Equal(expected, SoqlLiteral.String(value));

    [Fact]
    public void String_AnyText_IsOneLiteralThatDecodesToTheText()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text =>
        {
            var literal = SoqlLiteral.String(text);
            var (decoded, consumed) = ReadLiteral(literal);
            return consumed == literal.Length && decoded == new string([.. text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t' or '\b' or '\f')]);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("001' OR Name != '")]
    [InlineData("001000000000001AA")]
    [InlineData("001000000000001AAA) OR (Id != null")]
    [InlineData("")]
    public void Id_NotASalesforceId_Throws(string value) => Assert.Throws<ArgumentException>(() => SoqlLiteral.Id(value));

    [Theory]
    [InlineData("001A000001abcDE")]
    [InlineData("001xx000003DGb2AAG")]
    public void Id_FifteenOrEighteenCharacters_IsQuoted(string value) => Assert.Equal("'" + value + "'", SoqlLiteral.Id(value));

    [Fact]
    public void DateTime_AnyOffset_IsUnquotedUtc() =>
        Assert.Equal("2026-11-20T14:00:00Z", SoqlLiteral.DateTime(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.FromHours(1))));

    [Theory]
    [InlineData("Name")]
    [InlineData("Alignment_Score__c")]
    [InlineData("Owner.Email")]
    public void IsFieldName_ApiNames_AreAccepted(string name) => Assert.True(SoqlLiteral.IsFieldName(name));

    [Theory]
    [InlineData("Name, (SELECT Id FROM Users)")]
    [InlineData("Score__c FROM User --")]
    [InlineData("1abc")]
    [InlineData("")]
    public void IsFieldName_AnythingElse_IsRefused(string name) => Assert.False(SoqlLiteral.IsFieldName(name));

    [Fact]
    public void Accounts_EveryConfiguredName_IsValidatedBeforeItEntersTheQuery()
    {
        var options = new SalesforceOptions();
        options.Fields.Technologies = "Tech__c FROM User WHERE Name != null --";

        Assert.Throws<ArgumentException>(() => new SalesforceQueryBuilder(options).Accounts(null, DateTimeOffset.UnixEpoch));
    }

    /// <summary>Reads one SOQL string literal the way Salesforce does; returns the value and the characters consumed.</summary>
    private static (string Value, int Consumed) ReadLiteral(string text)
    {
        Assert.Equal('\'', text[0]);
        var sb = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\'':
                    return (sb.ToString(), i + 1);
                case '\\':
                    i++;
                    sb.Append(text[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', var c => c });
                    break;
                default:
                    sb.Append(text[i]);
                    break;
            }
        }

        return (sb.ToString(), -1);
    }
}
