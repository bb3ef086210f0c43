namespace Alignment.Slack;

/// <summary>Where the at-risk heads-up goes in bot mode.</summary>
public enum AtRiskDelivery
{
    /// <summary>A direct message to the owner (falls back to the channel when the owner has no Slack user).</summary>
    DirectMessage,

    /// <summary>The alert channel, mentioning the owner.</summary>
    Channel,
}
