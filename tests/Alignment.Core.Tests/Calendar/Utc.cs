using System.Globalization;

namespace Alignment.Core.Tests.Calendar;

/// <summary>Parses the hand-computed UTC instants the tests are written in.</summary>
internal static class Utc
{
    public static DateTimeOffset At(string iso)
    {
        var instant = DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return instant.Offset == TimeSpan.Zero ? instant : throw new ArgumentException($"Write test instants in UTC: {iso}", nameof(iso));
    }

    public static DateTimeOffset? Maybe(string? iso) => iso is null ? null : At(iso);
}
