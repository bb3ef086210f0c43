using Alignment.Salesforce.Bulk;

namespace Alignment.Salesforce.Tests.Bulk;

/// <summary>The local spill of a range's Bulk rows (docs/partitions.md, "A worker's memory").</summary>
public sealed class BulkSpillTests : IDisposable
{
    private static readonly BulkColumns Accounts = BulkColumns.Of(["Id", "Name", "Industry"]);
    private static readonly BulkColumns Tasks = BulkColumns.Of(["Id", "WhatId", "Subject"]);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bulk-spill-test-" + Guid.NewGuid().ToString("N"));

    public BulkSpillTests() => Directory.CreateDirectory(_root);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(1_000, 7, 1)]
    [InlineData(1_000, 1_000, 2)]
    [InlineData(997, 100, 3)]
    [InlineData(5, 1, 4)]
    [InlineData(1, 5_000, 5)]
    public async Task Buckets_AreContiguousIdSlices_HoldingEveryAccountAndItsRowsOnce(int accounts, int perBucket, int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, accounts).Select(_ => "001" + random.NextInt64(0, 1L << 48).ToString("X12", System.Globalization.CultureInfo.InvariantCulture) + "AAA").Distinct().ToList();
        var spill = BulkSpill.Create(_root);
        await using (spill)
        {
            foreach (var id in ids)
            {
                spill.AddAccount(id, new BulkRow(Accounts, [id, "Name of " + id, null]));
            }

            await spill.SplitAsync(perBucket, Ct);
            foreach (var id in ids)
            {
                spill.Add("Task", id, new BulkRow(Tasks, ["00T" + id[3..], id, "call"]));
            }

            var seen = new List<string>();
            for (var bucket = 0; bucket < spill.Buckets; bucket++)
            {
                var inBucket = await spill.ReadAsync(BulkSpill.AccountQuery, bucket, Ct).Select(r => r["Id"]!).ToListAsync(Ct);
                var tasks = await spill.ReadAsync("Task", bucket, Ct).Select(r => r["WhatId"]!).ToListAsync(Ct);
                Assert.True(inBucket.Count <= perBucket, "a bucket holds at most about the asked size");
                Assert.Equal(inBucket.Order(StringComparer.Ordinal), tasks.Order(StringComparer.Ordinal)); // the account's rows go with it
                Assert.All(inBucket, id => Assert.Equal(bucket, spill.BucketOf(id)));
                if (seen.Count > 0 && inBucket.Count > 0)
                {
                    Assert.True(string.CompareOrdinal(seen.Max(StringComparer.Ordinal), inBucket.Min(StringComparer.Ordinal)) < 0, "buckets follow each other in id order");
                }

                seen.AddRange(inBucket);
            }

            Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
            Assert.Equal(Math.Max(1, (ids.Count + perBucket - 1) / perBucket), spill.Buckets);
        }

        Assert.Empty(Directory.GetFileSystemEntries(_root)); // deleted on dispose
    }

    [Theory]
    [InlineData("Acme, Inc.")]
    [InlineData("The \"Best\" Widgets")]
    [InlineData("Line one\nline two\r\nline three")]
    [InlineData("  spaces kept  ")]
    public async Task Rows_ReadBackExactly_NullsAsNull(string name)
    {
        var spill = BulkSpill.Create(_root);
        await using (spill)
        {
            spill.AddAccount("001000000000001AAA", new BulkRow(Accounts, ["001000000000001AAA", name, null]));
            await spill.SplitAsync(10, Ct);

            var row = Assert.Single(await spill.ReadAsync(BulkSpill.AccountQuery, 0, Ct).ToListAsync(Ct));

            Assert.Equal(name, row["Name"]);
            Assert.Null(row["Industry"]);
            Assert.Empty(await spill.ReadAsync("Task", 0, Ct).ToListAsync(Ct)); // a query without rows in a bucket
        }
    }

    [Fact]
    public async Task RowsOfOtherQueries_BeforeTheSplit_AreRefused()
    {
        var spill = BulkSpill.Create(_root);
        await using (spill)
        {
            spill.AddAccount("001000000000001AAA", new BulkRow(Accounts, ["001000000000001AAA", "Acme", null]));
            var refused = Assert.Throws<InvalidOperationException>(() => spill.Add("Task", "001000000000001AAA", new BulkRow(Tasks, ["00T", "001000000000001AAA", "call"])));
            Assert.Contains("Split the accounts", refused.Message, StringComparison.Ordinal);
        }
    }
}
