using Alignment.Core.Accounts;
using Alignment.Core.Tiers;
using Alignment.Sync.Alerts;

namespace Alignment.Slack.Tests;

/// <summary>A valid alert; tests override what they are about.</summary>
internal static class Alerts
{
    public static readonly DateTimeOffset HandoffAt = new(2026, 11, 20, 13, 0, 0, TimeSpan.Zero);

    public static Alert Breached(string key = "001A000001abcDE:2026-11-20T13:00:00Z:Breached") => new()
    {
        Key = key,
        Level = AlertLevel.Breached,
        AccountId = "001A000001abcDE",
        AccountName = "Acme & Sons <EU>",
        AccountUrl = new Uri("https://acme.my.salesforce.com/lightning/r/Account/001A000001abcDE/view?a=1&b=2"),
        Tier = Tier.Tier1,
        Score = 87,
        Reasons = "Pricing page ×3 in 7d; 3 engaged contacts; ICP: Software <5000>",
        HandoffRule = "tier1-meeting",
        HandoffAt = HandoffAt,
        SlaDue = new DateTimeOffset(2026, 11, 20, 22, 0, 0, TimeSpan.Zero),
        Owner = new Owner("005A0000001xyZ", "ae@example.com", "America/New_York", "005M"),
    };
}
