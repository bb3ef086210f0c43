using Azure.Data.Tables;

namespace Alignment.Storage.Tables;

/// <summary>
/// Keys of the per-account history tables (tier history, write log; docs/storage-and-slack.md "Tables and keys"): rows
/// are grouped by a bucket of neighbouring account ids, so that a run's rows for a range of accounts share partitions
/// and go to the table in entity-group transactions of up to 100 instead of one request an account.
/// </summary>
/// <remarks>
/// The bucket is the id's first 15 characters (a Salesforce id without its 3-character case checksum; shorter ids whole)
/// without their last <see cref="DroppedCharacters"/>: the end of a Salesforce id and of a HubSpot number is the record's
/// sequence, so neighbouring records share a bucket (a Salesforce bucket spans 62³ sequence numbers, a HubSpot one
/// 1,000). An account's rows stay together inside its bucket: RowKey starts with <c>{escaped id}|</c>, and an escaped id
/// holds no <c>|</c>, so one account's rows are a single RowKey range (<see cref="RowFilter"/>).
/// </remarks>
internal static class AccountBucket
{
    /// <summary>Every bucket's PartitionKey starts with this; a PartitionKey without <c>|</c> is a row of the old layout (one partition an account).</summary>
    public const string Prefix = "b|";

    private const int IdentityLength = 15;
    private const int DroppedCharacters = 3;

    public static string PartitionKey(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        var identity = accountId.Length > IdentityLength ? accountId[..IdentityLength] : accountId;
        var bucket = identity.Length > DroppedCharacters ? identity[..^DroppedCharacters] : "";
        return Prefix + TableKey.Escape(bucket);
    }

    /// <summary>The start of every RowKey of the account: <c>{escaped id}|</c>.</summary>
    public static string RowPrefix(string accountId) => TableKey.Escape(accountId) + "|";

    /// <summary>All rows of one account: its bucket's partition, RowKeys from <c>{id}|</c> up to (not including) <c>{id}}</c>.</summary>
    public static string RowFilter(string accountId)
    {
        var prefix = RowPrefix(accountId);
        return TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(accountId)} and RowKey gt {prefix} and RowKey lt {prefix[..^1] + "}"}");
    }

    /// <summary>Whether a PartitionKey is one of the old layout's (the escaped account id itself): it holds no <c>|</c>.</summary>
    public static bool IsLegacyPartition(string partitionKey) => !partitionKey.Contains('|', StringComparison.Ordinal);
}
