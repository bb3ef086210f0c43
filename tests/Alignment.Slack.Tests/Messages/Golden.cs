namespace Alignment.Slack.Tests.Messages;

/// <summary>Expected Block Kit JSON, reviewed by hand against Slack's formatting rules (escaping, link syntax, limits).</summary>
internal static class Golden
{
    /// <summary><see cref="Alerts.Breached"/> with owner <c>U024BE7LH</c> (New York, EST in November).</summary>
    public const string Breached = """
        {
          "text": "SLA breached: Acme &amp; Sons &lt;EU&gt; · Tier 1 (Hot) · due Fri 20 Nov 2026 17:00 (America/New_York, UTC-05:00) = 2026-11-20 22:00 UTC. Owner: <@U024BE7LH>.",
          "blocks": [
            {
              "type": "header",
              "text": {
                "type": "plain_text",
                "text": "SLA breached: Acme & Sons <EU>",
                "emoji": false
              }
            },
            {
              "type": "section",
              "text": {
                "type": "mrkdwn",
                "text": "<@U024BE7LH>: the first response to *<https://acme.my.salesforce.com/lightning/r/Account/001A000001abcDE/view?a=1&amp;b=2|Acme &amp; Sons &lt;EU&gt;>* was due *Fri 20 Nov 2026 17:00 (America/New_York, UTC-05:00)* and is not logged."
              },
              "fields": [
                {
                  "type": "mrkdwn",
                  "text": "*Tier*\nTier 1 (Hot)"
                },
                {
                  "type": "mrkdwn",
                  "text": "*Score*\n87"
                },
                {
                  "type": "mrkdwn",
                  "text": "*SLA due*\nFri 20 Nov 2026 17:00 (America/New_York, UTC-05:00)\n2026-11-20 22:00 UTC"
                },
                {
                  "type": "mrkdwn",
                  "text": "*Owner*\n<@U024BE7LH>"
                }
              ],
              "accessory": {
                "type": "button",
                "text": {
                  "type": "plain_text",
                  "text": "Open in CRM",
                  "emoji": false
                },
                "url": "https://acme.my.salesforce.com/lightning/r/Account/001A000001abcDE/view?a=1&b=2",
                "action_id": "open_in_crm"
              }
            },
            {
              "type": "section",
              "text": {
                "type": "mrkdwn",
                "text": "*Why:* Pricing page ×3 in 7d; 3 engaged contacts; ICP: Software &lt;5000&gt;"
              }
            },
            {
              "type": "context",
              "elements": [
                {
                  "type": "mrkdwn",
                  "text": "Handoff `tier1-meeting` at 2026-11-20 13:00 UTC · Alignment breach alert"
                }
              ]
            }
          ]
        }
        """;
}
