using Alignment.Storage.Tables;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.Storage.Tests.Tables;

public sealed class AccountBucketTests
{
    [Theory]
    [InlineData("0015g00000NaXsQAAV", "0015g00000NaXsRAAV")] // neighbouring Salesforce ids
    [InlineData("0015g00000Na000AAA", "0015g00000NazzzAAB")] // the same 62³ span, any checksum
    [InlineData("5813347001", "5813347999")] // HubSpot numbers in the same thousand
    public void PartitionKey_NeighbouringIds_ShareABucket(string one, string other) =>
        Assert.Equal(AccountBucket.PartitionKey(one), AccountBucket.PartitionKey(other));

    [Theory]
    [InlineData("0015g00000NaXsQAAV", "0015g00000NbXsQAAV")]
    [InlineData("5813347999", "5813348000")]
    [InlineData("001000000000AAA", "003000000000AAA")] // another object's key prefix
    public void PartitionKey_DistantIds_AreInOtherBuckets(string one, string other) =>
        Assert.NotEqual(AccountBucket.PartitionKey(one), AccountBucket.PartitionKey(other));

    [Theory]
    [InlineData("0015g00000NaXsQAAV", "b|0015g00000Na")]
    [InlineData("5813347282", "b|5813347")]
    [InlineData("42", "b|")]
    [InlineData("a/b/c/d", "b|a%2Fb%2F")]
    public void PartitionKey_IsTheBucketPrefixedAndEscaped(string accountId, string expected) =>
        Assert.Equal(expected, AccountBucket.PartitionKey(accountId));

    [Fact]
    public void PartitionKey_AnyId_IsAValidKeyNeverTakenForTheOldLayout() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), accountId =>
        {
            var key = AccountBucket.PartitionKey(accountId);
            return key.StartsWith(AccountBucket.Prefix, StringComparison.Ordinal)
                && !AccountBucket.IsLegacyPartition(key)
                && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void IsLegacyPartition_AnEscapedAccountId_IsOld_WeekAndMarkerRowsAreNot()
    {
        Assert.True(AccountBucket.IsLegacyPartition(TableKey.Escape("0015g00000NaXsQAAV")));
        Assert.False(AccountBucket.IsLegacyPartition("week|2026-W48"));
        Assert.False(AccountBucket.IsLegacyPartition(BucketedLayout.MarkerPartition));
    }
}
