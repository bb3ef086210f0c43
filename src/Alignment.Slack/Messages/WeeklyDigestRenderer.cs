using System.Globalization;
using System.Text.Json.Nodes;
using Alignment.Sync.Alerts;
using Alignment.Sync.Scoreboard;

namespace Alignment.Slack.Messages;

/// <summary>
/// Renders the <see cref="AlertLevel.WeeklyDigest"/>: the week's handoffs against the commitment, SLA compliance and
/// response times with the week before, the owners with breaches, rejections and wrong-tier flags, and where to read
/// the full scoreboard — short enough to read aloud in the weekly sync. Pure.
/// </summary>
internal static class WeeklyDigestRenderer
{
    private const int SectionMax = 3000;

    public static JsonObject Render(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var digest = alert.Digest ?? throw new ArgumentException("A weekly digest alert carries its figures.", nameof(alert));
        var (t, p) = (digest.This, digest.Previous);
        var title = string.Create(CultureInfo.InvariantCulture, $"Weekly scoreboard {t.Week}: {t.Handoffs} handoffs, SLA {Percent(t.Sla.Compliance)}");
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"*Handoffs* {t.Handoffs}{(t.Commitment is { } c ? $" of {c} committed{(t.Handoffs >= c ? " ✓" : "")}" : "")} (previous week {p.Handoffs})"),
            string.Create(CultureInfo.InvariantCulture, $"*SLA* {t.Sla.Met} met, {t.Sla.Breached} breached, {t.Sla.Pending} pending: compliance {Percent(t.Sla.Compliance)} (previous {Percent(p.Sla.Compliance)})"),
            string.Create(CultureInfo.InvariantCulture, $"*First response* median {Hours(t.Sla.MedianResponseHours)}, p90 {Hours(t.Sla.P90ResponseHours)} business hours (previous {Hours(p.Sla.MedianResponseHours)} / {Hours(p.Sla.P90ResponseHours)})"),
            string.Create(CultureInfo.InvariantCulture, $"*Sales feedback* {t.Rejected} rejected, {t.WrongTier} flagged wrong tier (the tier review's list)"),
        };
        if (t.Movements is { } m)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"*Tier moves* {m.Up} up, {m.Down} down, {m.New} new, {m.Recycled} recycled to nurture"));
        }

        if (digest.Accounts is { } a)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"*Accounts now* {a.Tier1} Tier 1, {a.Tier2} Tier 2 · {a.AwaitingConfirmation} awaiting tier confirmation, {a.FlaggedWrong} flagged wrong · Tier 1 touched in 14 days {Percent(a.Tier1Coverage)}"));
            if (a.Conversion30 is { Handoffs: > 0 } c30)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"*Conversion in 30 days* {Percent(c30.MeetingRate)} to a meeting{(c30.OpportunityRate is { } o ? $", {Percent(o)} to an opportunity ({c30.Pipeline:N0} pipeline)" : "")} of {c30.Handoffs} handoffs"));
            }
        }

        lines.AddRange(digest.Notes.Select(n => "_" + SlackText.Escape(n) + "_"));
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = SlackMessageRenderer.PlainText(SlackText.Truncate(title, 150)) },
            Section(string.Join("\n", lines)),
        };
        if (digest.Owners.Count > 0)
        {
            blocks.Add(Section("*Breaches by owner*\n" + string.Join("\n", digest.Owners.Select(o =>
                string.Create(CultureInfo.InvariantCulture, $"• `{SlackText.Escape(o.OwnerId)}`: {o.Breached} of {o.Handoffs}")))));
        }

        if (digest.ScoreboardUrl is { } url)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray
                {
                    new JsonObject { ["type"] = "button", ["text"] = SlackMessageRenderer.PlainText("Open the scoreboard in the CRM"), ["url"] = url.AbsoluteUri },
                },
            });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray
            {
                SlackMessageRenderer.Mrkdwn($"Week {SlackText.Escape(t.Week)} in {SlackText.Escape(digest.TimeZone)} · full figures: `alignment scoreboard --week {SlackText.Escape(t.Week)}` · Alignment"),
            },
        });

        return new JsonObject { ["text"] = title + ".", ["blocks"] = blocks };
    }

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static JsonObject Section(string text) =>
        new() { ["type"] = "section", ["text"] = SlackMessageRenderer.Mrkdwn(SlackText.Truncate(text, SectionMax)) };
}
