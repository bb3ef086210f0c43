using System.Globalization;
using System.Text.Json.Nodes;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;

namespace Alignment.Slack.Messages;

/// <summary>
/// Renders an <see cref="Alert"/> as a Block Kit message with a plain <c>text</c> fallback: the account linked to the
/// CRM, tier, score, reasons, the SLA deadline in the owner's time zone (IANA; UTC when unknown) and in UTC, and the
/// owner's mention. Pure: the same alert and mention give the same JSON.
/// </summary>
internal static class SlackMessageRenderer
{
    private const int HeaderMax = 150;
    private const int SectionMax = 3000;

    /// <param name="alert">The alert.</param>
    /// <param name="ownerUserId">The owner's Slack user id, or null when unknown (then plain text, never the e-mail).</param>
    /// <param name="managerUserId">For an escalation to the owner's manager: the manager's Slack user id (mentioned); null otherwise.</param>
    public static JsonObject Render(Alert alert, string? ownerUserId, string? managerUserId = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Level == AlertLevel.TierCrossings)
        {
            return TierCrossingsRenderer.Render(alert);
        }

        if (alert.Level == AlertLevel.Calibration)
        {
            return CalibrationRenderer.Render(alert);
        }

        if (alert.Level == AlertLevel.WeeklyDigest)
        {
            return WeeklyDigestRenderer.Render(alert);
        }

        var name = string.IsNullOrWhiteSpace(alert.AccountName) ? alert.AccountId : alert.AccountName;
        var owner = ownerUserId is null ? "the account owner (no Slack user found)" : SlackText.Mention(ownerUserId);
        var account = SlackText.Link(alert.AccountUrl, name);
        var dueLocal = OwnerTime(alert.SlaDue, alert.Owner?.TimeZone);
        var dueUtc = Utc(alert.SlaDue);
        var tier = TierText(alert.Tier);

        var (title, lead) = alert.Level switch
        {
            AlertLevel.AtRisk => ("SLA at risk", $"Heads-up {owner}: *{account}* needs a first response by *{dueLocal}*."),
            AlertLevel.Breached => ("SLA breached", $"{owner}: the first response to *{account}* was due *{dueLocal}* and is not logged."),
            AlertLevel.Escalated => ("SLA escalation", $"{(managerUserId is null ? "" : SlackText.Mention(managerUserId) + ": ")}Still unanswered {Hours(alert.EscalateAfterBusinessHours)} after the deadline: *{account}*, owner {owner}."),
            AlertLevel.EscalatedToChannel => ("SLA escalation", $"Still unanswered {Hours(alert.EscalateAfterBusinessHours)} after the deadline, manager already told: *{account}*, owner {owner}."),
            AlertLevel.Handoff => ("New handoff", $"{owner}: *{account}* was handed off to you under `{SlackText.Escape(alert.HandoffRule)}`. First response due *{dueLocal}*."),
            _ => throw new ArgumentOutOfRangeException(nameof(alert), alert.Level, "Unknown alert level."),
        };

        var fields = new JsonArray
        {
            Mrkdwn($"*Tier*\n{tier}"),
            Mrkdwn($"*Score*\n{(alert.Score is { } score ? score.ToString(CultureInfo.InvariantCulture) : "–")}"),
            Mrkdwn($"*SLA due*\n{dueLocal}\n{dueUtc}"),
            Mrkdwn($"*Owner*\n{owner}"),
        };
        var summary = new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(SlackText.Truncate(lead, SectionMax)), ["fields"] = fields };
        if (alert.AccountUrl is not null)
        {
            summary["accessory"] = new JsonObject
            {
                ["type"] = "button",
                ["text"] = PlainText("Open in CRM"),
                ["url"] = alert.AccountUrl.AbsoluteUri,
                ["action_id"] = "open_in_crm",
            };
        }

        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(SlackText.Truncate($"{title}: {name}", HeaderMax)) },
            summary,
        };
        if (!string.IsNullOrWhiteSpace(alert.Reasons))
        {
            var why = alert.Level == AlertLevel.Handoff
                ? "*Why:*\n" + string.Join("\n", alert.Reasons.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3).Select(r => "• " + SlackText.Escape(r)))
                : "*Why:* " + SlackText.Escape(alert.Reasons);
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(SlackText.Truncate(why, SectionMax)) });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray
            {
                Mrkdwn($"Handoff `{SlackText.Escape(alert.HandoffRule)}` at {Utc(alert.HandoffAt)} · Alignment {LevelWord(alert.Level)} alert"),
            },
        });

        var text = $"{title}: {SlackText.Escape(name)} · {tier} · due {dueLocal} = {dueUtc}. Owner: {owner}.";
        return new JsonObject { ["text"] = text, ["blocks"] = blocks };
    }

    /// <summary>E.g. <c>Fri 20 Nov 2026 10:00 (America/New_York, UTC-05:00)</c>; in UTC when the zone is unknown.</summary>
    public static string OwnerTime(DateTimeOffset instant, string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) || zone.Id == TimeZoneInfo.Utc.Id)
        {
            return instant.ToUniversalTime().ToString("ddd d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{local:ddd d MMM yyyy HH:mm} ({timeZoneId}, UTC{sign}{offset.Duration():hh\\:mm})");
    }

    /// <summary>E.g. <c>2026-11-20 15:00 UTC</c>.</summary>
    public static string Utc(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string TierText(Tier tier) => tier switch
    {
        Tier.Tier1 => "Tier 1 (Hot)",
        Tier.Tier2 => "Tier 2 (Warm)",
        Tier.Tier3 => "Tier 3 (Monitored)",
        _ => "no tier",
    };

    private static string LevelWord(AlertLevel level) => level switch
    {
        AlertLevel.AtRisk => "at-risk",
        AlertLevel.Breached => "breach",
        AlertLevel.Handoff => "handoff",
        AlertLevel.EscalatedToChannel => "final escalation",
        _ => "escalation",
    };

    /// <summary>E.g. <c>4 business hours</c>, <c>1 business hour</c>, <c>2.5 business hours</c>; "the configured business hours" when unknown.</summary>
    public static string Hours(double? hours) => hours switch
    {
        null => "the configured business hours",
        1 => "1 business hour",
        { } h => h.ToString("0.##", CultureInfo.InvariantCulture) + " business hours",
    };

    internal static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    internal static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = false };
}
