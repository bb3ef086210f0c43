using System.Security.Cryptography;
using System.Text;

namespace Alignment.Sync.Inbox;

/// <summary>
/// Inbox item keys (<see cref="InboxItem.EventId"/>): the idempotency key of a delivery, stable across redeliveries so
/// that the inbox skips a duplicate. A sender's id that is short and plain (letters, digits, <c>- _ . : @ + =</c>) is
/// kept as it is (<c>hubspot:123</c>); any other id (too long, or holding characters a table key would have to escape)
/// is replaced by its SHA-256 (<c>salesforce:flow:sha256:…</c>), so a key never exceeds <see cref="MaxLength"/>
/// characters whatever the sender sent, and needs no escaping. See <c>docs/webhook-threat-model.md</c>.
/// </summary>
public static class InboxKey
{
    /// <summary>The longest key this class makes (a prefix of at most 32 characters, ':sha256:', 64 hex digits, a part suffix).</summary>
    public const int MaxLength = 120;

    /// <summary>Sender ids up to this length are kept verbatim when plain.</summary>
    public const int MaxVerbatimIdLength = 64;

    private const int MaxPrefixLength = 32;

    /// <summary>The key of the sender's event <paramref name="senderId"/> under <paramref name="prefix"/> (<c>hubspot</c>, <c>salesforce:flow</c>).</summary>
    public static string For(string prefix, string senderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(senderId);
        if (prefix.Length > MaxPrefixLength || !IsPlain(prefix))
        {
            throw new ArgumentException($"An inbox key prefix is at most {MaxPrefixLength} plain characters.", nameof(prefix));
        }

        return senderId.Length is > 0 and <= MaxVerbatimIdLength && IsPlain(senderId)
            ? prefix + ":" + senderId
            : prefix + ":sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(senderId)));
    }

    /// <summary>
    /// The key of part <paramref name="part"/> (0-based) of an event split across several items: part 0 is the event's
    /// own key, part n appends <c>~n</c> (<c>~</c> never occurs in a verbatim id, so parts cannot collide with ids).
    /// </summary>
    public static string Part(string key, int part)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        return part == 0 ? key : key + "~" + part.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsPlain(string value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@' or '+' or '='))
            {
                return false;
            }
        }

        return true;
    }
}
