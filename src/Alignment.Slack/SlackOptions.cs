namespace Alignment.Slack;

/// <summary>Slack alert settings. Section <c>Alignment:Slack</c>. The token and the webhook URL are secrets: never logged.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Alignment:Slack";

    public SlackMode Mode { get; set; } = SlackMode.Webhook;

    /// <summary>Incoming webhook URL (<c>https://hooks.slack.com/services/T…/B…/…</c>); webhook mode.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Bot token (<c>xoxb-…</c>); bot mode. Scopes: <c>chat:write</c>, <c>users:read.email</c>, <c>channels:history</c>, and for at-risk DMs <c>im:write</c>, <c>im:history</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>Channel id for breach alerts (and at-risk heads-ups sent to a channel), e.g. <c>C0123456789</c>; bot mode.</summary>
    public string? Channel { get; set; }

    /// <summary>Channel id of the manager / RevOps channel for escalations; defaults to <see cref="Channel"/>.</summary>
    public string? EscalationChannel { get; set; }

    /// <summary>Where the at-risk heads-up goes (bot mode).</summary>
    public AtRiskDelivery AtRiskTo { get; set; } = AtRiskDelivery.DirectMessage;

    /// <summary>Owner e-mail → Slack user id (<c>U…</c>/<c>W…</c>), consulted before <c>users.lookupByEmail</c>. Case-insensitive.</summary>
    public Dictionary<string, string> UserMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// CRM user id → Slack user id (<c>U…</c>/<c>W…</c>) for managers (Salesforce <c>Owner.ManagerId</c>, HubSpot
    /// <c>OwnerManagers</c>): the first escalation goes to the owner's manager by DM when mapped (bot mode).
    /// </summary>
    public Dictionary<string, string> ManagerUserMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Posting rate per channel (Slack allows about 1 message per second per channel).</summary>
    public double MessagesPerSecondPerChannel { get; set; } = 1;

    /// <summary>Base URL of the Slack Web API (the sandbox sink replaces it locally).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Per-request timeout; a post that times out may have been delivered.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a 429 is waited out (honouring <c>Retry-After</c>) before the send fails as transient.</summary>
    public int MaxRateLimitRetries { get; set; } = 2;

    /// <summary>A <c>Retry-After</c> longer than this is not waited out in-process; the send fails as transient.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a Slack user id found by e-mail is cached (a miss is cached for a tenth of it).</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromHours(6);
}
