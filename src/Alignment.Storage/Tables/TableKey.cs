using System.Globalization;
using System.Text;

namespace Alignment.Storage.Tables;

/// <summary>
/// Turns arbitrary ids into valid PartitionKey/RowKey values and back. Table keys forbid <c>/ \ # ?</c> and control
/// characters; those (and the escape character <c>%</c>) become <c>%XX</c>. Everything else, unicode included, is kept.
/// </summary>
internal static class TableKey
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>UTC ticks, fixed width, so that string order is time order.</summary>
    public static string Ticks(DateTimeOffset at) => Ticks(at.UtcTicks);

    public static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Inverted UTC ticks, fixed width, so that string order is newest first.</summary>
    public static string InvertedTicks(DateTimeOffset at) => Ticks(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks);

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
