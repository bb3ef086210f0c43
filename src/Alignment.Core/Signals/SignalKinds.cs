namespace Alignment.Core.Signals;

/// <summary>Facts about <see cref="SignalKind"/> values.</summary>
public static class SignalKinds
{
    /// <summary>The category a kind belongs to.</summary>
    public static SignalCategory CategoryOf(SignalKind kind) => kind switch
    {
        SignalKind.WebVisit or SignalKind.PricingPageView or SignalKind.ContentDownload or SignalKind.AdClick
            or SignalKind.EmailOpen or SignalKind.EmailClick or SignalKind.ThirdPartyIntent => SignalCategory.Intent,
        SignalKind.EmailReply or SignalKind.MeetingBooked or SignalKind.DemoAttended or SignalKind.CallConnected
            or SignalKind.FormSubmit => SignalCategory.Engagement,
        SignalKind.SalesTouch => SignalCategory.SalesTouch,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown signal kind."),
    };

    /// <summary>Parses the JSON spelling of a kind (case-sensitive, as docs/scoring-model.md spells it).</summary>
    public static bool TryParse(string? text, out SignalKind kind)
    {
        kind = default;
        return text is not null
            && !text.Any(char.IsDigit)
            && Enum.TryParse(text, ignoreCase: false, out kind)
            && Enum.IsDefined(kind);
    }
}
