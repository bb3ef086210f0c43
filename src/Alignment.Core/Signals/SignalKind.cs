namespace Alignment.Core.Signals;

/// <summary>
/// What a CRM record means for scoring. JSON spelling is the member name (e.g. <c>"PricingPageView"</c>).
/// </summary>
public enum SignalKind
{
    // Intent: someone at the account researched us.
    WebVisit,
    PricingPageView,
    ContentDownload,
    AdClick,
    EmailOpen,
    EmailClick,
    ThirdPartyIntent,

    // Engagement: a human engaged.
    EmailReply,
    MeetingBooked,
    DemoAttended,
    CallConnected,
    FormSubmit,

    /// <summary>An outbound action by the account's sales owner. Not scored; it answers an SLA.</summary>
    SalesTouch,
}
