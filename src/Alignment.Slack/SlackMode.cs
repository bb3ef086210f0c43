namespace Alignment.Slack;

/// <summary>How alerts reach Slack.</summary>
public enum SlackMode
{
    /// <summary>An incoming webhook: one fixed channel, no look-ups, delivery of an unknown send cannot be checked.</summary>
    Webhook,

    /// <summary>A bot token (<c>xoxb-…</c>) and <c>chat.postMessage</c>: any channel the bot is in, owner DMs, mentions by e-mail look-up.</summary>
    Bot,
}
