using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Alignment.TestKit.Webhooks;

/// <summary>
/// FsCheck generators of hostile webhook input: arbitrary bytes, valid deliveries with random edits (XML and JSON
/// fragments, DTDs, entities, deep nesting, invalid UTF-8/UTF-16, truncation), and header values a careless or hostile
/// sender might put in (huge, negative or malformed numbers, empty, unicode).
/// </summary>
public static class WebhookFuzz
{
    private static readonly string[] XmlTokens =
    [
        "<", ">", "</", "/>", "<a>", "</a>", "<a><a><a><a><a><a><a><a><a><a><a><a><a><a>", "<!DOCTYPE x [<!ENTITY e \"xx\">]>", "&e;", "&lt;", "&#0;",
        "&#x41;", "&#xD800;", "<![CDATA[", "]]>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "<?xml version=\"1.0\" encoding=\"nope\"?>",
        "xmlns=\"http://soap.sforce.com/2005/09/outbound\"", "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">",
        "</notifications>", "<OrganizationId>", "</OrganizationId>", "<Notification>", "</Notification>", "<Id>", "</Id>", "<sObject>",
        "xsi:type=\"sf:Account\"", "<sf:AccountId>001A000001abcDEAAA</sf:AccountId>", "\"", "'", "=", "\0", "\uFFFF", "\uD800", "\u00e9", "💥", " ", "\n",
        "<!--", "-->", "<?pi x?>", "a:b:c", "xmlns:a=\"\"",
    ];

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", ",", ":", "null", "true", "\"", "\\u0000", "\\ud800", "1e400", "-9223372036854775809", "99999999999999999999", "1.5",
        "\"eventId\"", "\"accountIds\"", "\"001A000001abcDEAAA\"", "[null]", "{\"eventId\":1}", "\"objectId\"", "\"subscriptionType\"",
        "\"company.propertyChange\"", "\"associationChange\"", "\"COMPANY_TO_CONTACT\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "%", "/", "#", "?", "\u00e9", "💥", " ",
    ];

    /// <summary>Header values: numbers far out of range, negative, malformed, empty, signatures of the wrong shape.</summary>
    public static Gen<string> HeaderValues { get; } = Gen.OneOf(
        Gen.Elements(
            "99999999999999999", "-99999999999999999", "300000000000", "0", "-1", "9223372036854775807", "-9223372036854775808",
            "99999999999999999999999", "1e12", " 1 ", "", " ", "sha256=", "sha256=zz", "sha256=" + new string('a', 64), "v1", "v2", "v3", "💥"),
        Gen.Choose(int.MinValue, int.MaxValue).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.ArrayOf(Gen.Choose(32, 0x2FF).Select(i => (char)i)).Select(c => new string(c)));

    /// <summary>Arbitrary bytes, or <paramref name="seeds"/> with random edits from the XML and JSON fragment lists.</summary>
    public static Gen<byte[]> Bodies(params string[] seeds) => Gen.Frequency(
        (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))),
        (4, Mutated(seeds)),
        (1, Gen.Elements(seeds).Select(Encoding.UTF8.GetBytes)));

    /// <summary>Headers drawn from <paramref name="names"/> (and a few unrelated ones), each with a <see cref="HeaderValues"/> value.</summary>
    public static Gen<Dictionary<string, string>> Headers(params string[] names) =>
        Gen.ListOf(Gen.Zip(Gen.Elements([.. names, "Content-Type", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Unrelated"]), HeaderValues))
            .Select(pairs =>
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (name, value) in pairs)
                {
                    headers[name] = value;
                }

                return headers;
            });

    private static Gen<byte[]> Mutated(string[] seeds) =>
        from seed in Gen.Elements(seeds)
        from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 100), Gen.Elements([.. XmlTokens, .. JsonTokens])))
        from cut in Gen.Frequency((3, Gen.Constant(100)), (1, Gen.Choose(0, 100)))
        from invalidUtf8 in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Apply(seed, edits, cut, invalidUtf8);

    private static byte[] Apply(string seed, IEnumerable<(int, string)> edits, int cutPercent, bool invalidUtf8)
    {
        var text = new StringBuilder(seed);
        foreach (var (percent, token) in edits)
        {
            text.Insert(text.Length * percent / 100, token);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString(0, text.Length * cutPercent / 100));
        return invalidUtf8 && bytes.Length > 2 ? [.. bytes[..(bytes.Length / 2)], 0xC3, 0x28, 0xFF, .. bytes[(bytes.Length / 2)..]] : bytes;
    }
}
