using Alignment.Storage.Tables;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Storage.Tests.Tables;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b#c?d", "a%5Cb%23c%3Fd")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("Müller·東京", "Müller·東京")]
    public void Escape_AwkwardCharacters_AreEncoded(string value, string expected) =>
        Assert.Equal(expected, TableKey.Escape(value));

    [Fact]
    public void Escape_AnyString_RoundTripsAndHasNoForbiddenCharacters() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), value =>
        {
            var key = TableKey.Escape(value);
            return TableKey.Unescape(key) == value && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void InvertedTicks_LaterInstant_SortsFirst()
    {
        var earlier = TableKey.InvertedTicks(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var later = TableKey.InvertedTicks(new DateTimeOffset(2026, 11, 20, 15, 0, 1, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
        Assert.Equal(19, later.Length);
    }
}
