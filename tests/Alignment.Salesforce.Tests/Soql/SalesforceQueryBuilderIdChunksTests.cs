using Alignment.Salesforce.Soql;

namespace Alignment.Salesforce.Tests.Soql;

public sealed class SalesforceQueryBuilderIdChunksTests
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 10).Select(i => "001" + i.ToString("D15", System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void IdChunks_CountLimit_SplitsAtMaxIds()
    {
        var chunks = SalesforceQueryBuilder.IdChunks(Ids, 4, 100_000).ToList();

        Assert.Equal([4, 4, 2], chunks.Select(c => c.Count));
        Assert.Equal(Ids, chunks.SelectMany(c => c));
    }

    [Fact]
    public void IdChunks_LengthLimit_EachListFitsTheRoomLeft()
    {
        var room = 2 + (3 * 21); // "()" and three 18-character ids, quoted, with a comma each

        var chunks = SalesforceQueryBuilder.IdChunks(Ids, 2000, room).ToList();

        Assert.Equal([3, 3, 3, 1], chunks.Select(c => c.Count));
        Assert.All(chunks, c => Assert.True(SoqlLiteral.IdList(c).Length <= room));
    }

    [Fact]
    public void IdChunks_NoIds_NoChunks() => Assert.Empty(SalesforceQueryBuilder.IdChunks([], 2000, 100_000));
}
