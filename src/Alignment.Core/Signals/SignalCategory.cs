namespace Alignment.Core.Signals;

/// <summary>Which scorer (if any) a <see cref="SignalKind"/> feeds.</summary>
public enum SignalCategory
{
    Intent,
    Engagement,
    SalesTouch,
}
