using System.Globalization;

namespace Alignment.HubSpot.Crm;

/// <summary>HubSpot property values are strings: instants as ISO-8601 UTC or epoch milliseconds, numbers invariant.</summary>
internal static class HubSpotPropertyValues
{
    public static DateTimeOffset? ParseInstant(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }

    /// <summary>ISO-8601 UTC with milliseconds, e.g. <c>2026-11-20T15:00:00.000Z</c>.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string EpochMilliseconds(DateTimeOffset instant) =>
        instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static int? ParseInt(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (int)Math.Round(number, MidpointRounding.AwayFromZero)
            : null;

    public static decimal? ParseDecimal(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static bool ParseBool(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    public static TEnum? ParseEnum<TEnum>(string? value)
        where TEnum : struct, Enum =>
        !string.IsNullOrEmpty(value) && !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) ? parsed : null;
}
