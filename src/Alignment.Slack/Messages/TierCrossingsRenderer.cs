using System.Globalization;
using System.Text.Json.Nodes;
using Alignment.Sync.Alerts;

namespace Alignment.Slack.Messages;

/// <summary>
/// Renders a run's <see cref="AlertLevel.TierCrossings"/> digest: one message listing the accounts that moved up
/// (linked to the CRM, from → to tier, score), and how many more were left out by the cap. Pure.
/// </summary>
internal static class TierCrossingsRenderer
{
    private const int SectionMax = 3000;

    public static JsonObject Render(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var crossings = alert.Crossings ?? [];
        var total = crossings.Count + alert.CrossingsOmitted;
        var title = string.Create(CultureInfo.InvariantCulture, $"Tier crossings: {total} account{(total == 1 ? "" : "s")} moved up");
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = SlackMessageRenderer.PlainText(title) },
        };

        // Sections hold at most 3,000 characters: the lines go into as many sections as they need.
        var lines = crossings.Select(Line).ToList();
        if (alert.CrossingsOmitted > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"…and {alert.CrossingsOmitted} more (the digest lists at most {crossings.Count}; `alignment plan` shows them all)."));
        }

        var section = new List<string>();
        foreach (var line in lines)
        {
            if (section.Sum(l => l.Length + 1) + line.Length > SectionMax)
            {
                blocks.Add(Section(section));
                section.Clear();
            }

            section.Add(SlackText.Truncate(line, SectionMax));
        }

        if (section.Count > 0)
        {
            blocks.Add(Section(section));
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray { SlackMessageRenderer.Mrkdwn($"Run `{SlackText.Escape(alert.AccountId)}` at {SlackMessageRenderer.Utc(alert.HandoffAt)} · Alignment tier digest") },
        });

        var names = string.Join(", ", crossings.Take(5).Select(c => SlackText.Escape(c.AccountName ?? c.AccountId)));
        var text = total > 5 || alert.CrossingsOmitted > 0 ? $"{title}: {names}, …" : $"{title}: {names}.";
        return new JsonObject { ["text"] = text, ["blocks"] = blocks };
    }

    private static string Line(TierCrossing crossing) =>
        string.Create(CultureInfo.InvariantCulture,
            $"• {SlackText.Link(crossing.AccountUrl, crossing.AccountName ?? crossing.AccountId)}: {SlackMessageRenderer.TierText(crossing.From)} → *{SlackMessageRenderer.TierText(crossing.To)}* (score {crossing.Score})");

    private static JsonObject Section(List<string> lines) =>
        new() { ["type"] = "section", ["text"] = SlackMessageRenderer.Mrkdwn(string.Join("\n", lines)) };
}
