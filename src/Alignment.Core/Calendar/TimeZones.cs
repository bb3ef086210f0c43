using System.Diagnostics.CodeAnalysis;

namespace Alignment.Core.Calendar;

/// <summary>Looks up IANA time zones without throwing for unknown ids.</summary>
public static class TimeZones
{
    /// <summary>
    /// Finds the zone with IANA id <paramref name="id"/> (e.g. <c>America/New_York</c>). On failure
    /// <paramref name="error"/> names the id.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone, [NotNullWhen(false)] out string? error)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            error = "The time zone id is empty; expected an IANA id such as 'America/New_York'.";
            return false;
        }

        if (id.Length > 64 || id.Contains("..", StringComparison.Ordinal) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
        {
            zone = null;
            error = $"Unknown time zone id '{Shorten(id)}'; expected an IANA id such as 'America/New_York' or 'Europe/Berlin'.";
            return false;
        }

        error = null;
        return true;
    }

    private static string Shorten(string id) => id.Length <= 64 ? id : string.Concat(id.AsSpan(0, 61), "...");
}
