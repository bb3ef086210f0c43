namespace Alignment.Sandbox.Slack;

/// <summary>Settings of the local Slack emulator.</summary>
public sealed class SlackSinkOptions
{
    /// <summary>The bot token Web API calls must carry (<c>Authorization: Bearer …</c>); others get <c>invalid_auth</c>.</summary>
    public string BotToken { get; set; } = "xoxb-sandbox-token";

    /// <summary>Workspace members: e-mail → Slack user id, answered by <c>users.lookupByEmail</c>. Case-insensitive.</summary>
    public IDictionary<string, string> Users { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Channel ids the bot is in; empty accepts any channel id. Others get <c>channel_not_found</c>.</summary>
    public ISet<string> Channels { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The channel id messages posted to the incoming webhook are recorded under.</summary>
    public string WebhookChannel { get; set; } = "CWEBHOOK";

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Clock for message timestamps (<c>ts</c>) and <c>oldest</c> filtering.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
