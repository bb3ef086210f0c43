using System.Text;
using Alignment.Sandbox.Salesforce;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Sandbox.Tests.Salesforce;

public sealed class PackedRowsTests
{
    [Fact]
    public void Rows_AnyTextAndNulls_ReadBackAsAdded()
    {
        // Any text UTF-8 can carry (a lone surrogate cannot travel in a CSV either), nulls and empty strings apart.
        var text = ArbMap.Default.GeneratorFor<string?>().Where(s => s is null || Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)) == s);
        var rows = text.ArrayOf().ListOf();
        Prop.ForAll(rows.ToArbitrary(), added =>
        {
            var packed = new PackedRows();
            foreach (var row in added)
            {
                packed.Add(row);
            }

            return packed.Count == added.Count
                && added.Select((row, i) => packed[i].SequenceEqual(row)).All(same => same)
                && packed.All().Zip(added, (read, row) => read.SequenceEqual(row)).All(same => same);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rows_ManyAcrossChunksAndOneLargerThanAChunk_ReadBackAsAdded()
    {
        var packed = new PackedRows();
        var large = new string('é', 1_500_000); // 3 MB of UTF-8: a chunk of its own
        for (var i = 0; i < 40_000; i++)
        {
            packed.Add(["00T" + i.ToString("D15", System.Globalization.CultureInfo.InvariantCulture), i % 7 == 0 ? null : "", "Subject, \"quoted\"\nline " + i]);
            if (i == 20_000)
            {
                packed.Add([large, null]);
            }
        }

        Assert.Equal(40_001, packed.Count);
        Assert.Equal(new string?[] { "00T000000000019999", null, "Subject, \"quoted\"\nline 19999" }, packed[19_999]);
        Assert.Equal(new string?[] { large, null }, packed[20_001]);
        Assert.Equal(new string?[] { "00T000000000039999", "", "Subject, \"quoted\"\nline 39999" }, packed[packed.Count - 1]);
        Assert.Equal(packed.Range(30_000, 3).Select(r => r[0]), ["00T000000000029999", "00T000000000030000", "00T000000000030001"]);
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        var packed = new PackedRows();
        packed.Add(["a"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed[-1]);
    }
}
