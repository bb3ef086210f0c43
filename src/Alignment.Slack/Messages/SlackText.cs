namespace Alignment.Slack.Messages;

/// <summary>Slack mrkdwn text rules: escape <c>&amp; &lt; &gt;</c> (only those), build links and mentions.</summary>
internal static class SlackText
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary><c>&lt;url|label&gt;</c>, or the escaped label alone when there is no URL.</summary>
    public static string Link(Uri? url, string label)
    {
        var escaped = Escape(label).Replace("|", "¦", StringComparison.Ordinal);
        return url is null ? escaped : $"<{Escape(url.AbsoluteUri)}|{escaped}>";
    }

    public static string Mention(string userId) => $"<@{userId}>";

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
