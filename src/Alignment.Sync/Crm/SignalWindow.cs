using Alignment.Sync.Scoring;
using Alignment.Sync.Settings;

namespace Alignment.Sync.Crm;

/// <summary>How far back a job reads signals: the longer of the configured look-back and the model's longest window.</summary>
public static class SignalWindow
{
    /// <summary>
    /// The instant before which signals are not read (<see cref="CrmReadRequest.SignalsSince"/>): <paramref name="now"/>
    /// minus max(<see cref="SyncOptions.SignalLookbackDays"/>, the model's longest intent or engagement window).
    /// </summary>
    public static DateTimeOffset Since(DateTimeOffset now, SyncOptions settings, AlignmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rules);
        return now - TimeSpan.FromDays(Math.Max(settings.SignalLookbackDays, rules.LongestSignalWindowDays));
    }
}
