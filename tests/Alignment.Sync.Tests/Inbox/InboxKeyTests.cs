using Alignment.Sync.Inbox;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Sync.Tests.Inbox;

public sealed class InboxKeyTests
{
    [Theory]
    [InlineData("hubspot", "123", "hubspot:123")]
    [InlineData("salesforce", "04l5e000000AAAAAA1", "salesforce:04l5e000000AAAAAA1")]
    [InlineData("salesforce:flow", "a1b2-c3.d4_e5", "salesforce:flow:a1b2-c3.d4_e5")]
    public void For_ShortPlainId_KeptVerbatim(string prefix, string id, string expected) => Assert.Equal(expected, InboxKey.For(prefix, id));

    [Theory]
    [InlineData("%%%%")]
    [InlineData("a/b")]
    [InlineData("a~1")]
    [InlineData("")]
    [InlineData("é")]
    public void For_IdNeedingEscapes_IsHashed(string id)
    {
        var key = InboxKey.For("salesforce:flow", id);

        Assert.StartsWith("salesforce:flow:sha256:", key, StringComparison.Ordinal);
        Assert.Equal(key, InboxKey.For("salesforce:flow", id));
    }

    [Fact]
    public void For_AnyId_BoundedPlainAndStable()
    {
        Prop.ForAll(ArbMapStrings(), id =>
        {
            var key = InboxKey.For("salesforce:flow", id);
            var part = InboxKey.Part(key, 99);
            return key.Length <= InboxKey.MaxLength && part.Length <= InboxKey.MaxLength
                && key == InboxKey.For("salesforce:flow", id)
                && key.All(c => char.IsAsciiLetterOrDigit(c) || "-_.:@+=~".Contains(c, StringComparison.Ordinal));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Part_NeverCollidesWithAVerbatimId()
    {
        Assert.Equal("hubspot:1", InboxKey.Part("hubspot:1", 0));
        Assert.Equal("hubspot:1~2", InboxKey.Part("hubspot:1", 2));
        Assert.NotEqual(InboxKey.Part(InboxKey.For("hubspot", "1"), 2), InboxKey.For("hubspot", "1~2"));
    }

    [Fact]
    public void ForEvent_ManyIds_SplitIntoBoundedPartsInOrder()
    {
        var ids = Enumerable.Range(0, 1_201).Select(i => "id" + i).ToList();

        var items = InboxItems.ForEvent("salesforce:flow:e", "salesforce", ids, DateTimeOffset.UnixEpoch);

        Assert.Equal(["salesforce:flow:e", "salesforce:flow:e~1", "salesforce:flow:e~2"], items.Select(i => i.EventId));
        Assert.Equal(ids, items.SelectMany(i => i.AccountIds));
        Assert.All(items, i => Assert.True(i.AccountIds.Count <= InboxItems.MaxAccountIdsPerItem));
    }

    [Fact]
    public void ForEvent_NoIds_NoItems() => Assert.Empty(InboxItems.ForEvent("hubspot:1", "hubspot", [], DateTimeOffset.UnixEpoch));

    private static Arbitrary<string> ArbMapStrings() =>
        Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(i => (char)i)).Select(c => new string(c)),
            Gen.ArrayOf(Gen.Elements('a', '%', '/', '#', '~', '1', ':')).Select(c => new string(c)),
            Gen.Choose(0, 2_000).Select(n => new string('x', n))).ToArbitrary();
}
