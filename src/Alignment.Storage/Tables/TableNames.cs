namespace Alignment.Storage.Tables;

/// <summary>The state tables; each name is the configured prefix followed by one of these suffixes.</summary>
internal static class TableNames
{
    public const string Checkpoints = "checkpoints";
    public const string TierHistory = "tierhistory";
    public const string AlertLedger = "alertledger";
    public const string Inbox = "inbox";
    public const string Runs = "runs";
    public const string Handoffs = "handoffs";
    public const string WriteLog = "writelog";
    public const string Partitions = "partitions";
    public const string Scoreboard = "scoreboard";

    /// <summary>Table names are at most 63 characters; the longest suffix is 11.</summary>
    public const int MaxPrefixLength = 63 - 11;

    public static bool IsValidPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix)
        && prefix.Length <= MaxPrefixLength
        && char.IsAsciiLetter(prefix[0])
        && prefix.All(char.IsAsciiLetterOrDigit);
}
