using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using Alignment.Salesforce.Soql;

namespace Alignment.Salesforce.Webhooks;

/// <summary>
/// Reads an Outbound Message in one forward pass with <see cref="XmlReader"/>, never building a document: no DTD, no
/// resolver, at most <see cref="MaxDepth"/> levels, <see cref="MaxElements"/> elements, <see cref="MaxAttributesPerElement"/>
/// attributes per element and <see cref="MaxCharacters"/> characters. The organization id is compared the moment its
/// element ends (the WSDL puts it before the notifications), so a message for another org is refused without reading
/// the rest; any body is answered after reading at most once through it (see <c>docs/webhook-threat-model.md</c>).
/// </summary>
internal static class OutboundMessageReader
{
    public const int MaxDepth = 12;
    public const int MaxElements = 100_000;
    public const int MaxAttributesPerElement = 64;
    public const long MaxCharacters = 32L * 1024 * 1024;

    /// <summary>Longest notification id kept (hashed into the inbox key); Salesforce's are 18 characters.</summary>
    public const int MaxNotificationIdLength = 4096;

    private const int MaxOrganizationIdLength = 64;
    private const int MaxFieldLength = 64;
    private const string Outbound = "http://soap.sforce.com/2005/09/outbound";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private enum Capture
    {
        None,
        OrganizationId,
        NotificationId,
        Id,
        AccountId,
        WhatId,
    }

    /// <summary>The notifications (id, account id or null), or the status and problem to answer.</summary>
    public static (IReadOnlyList<(string Id, string? AccountId)> Notifications, int Status, string? Problem) Read(ReadOnlyMemory<byte> body, string expectedOrganizationId)
    {
        try
        {
            using var reader = XmlReader.Create(StreamOf(body), Settings);
            return ReadCore(reader, expectedOrganizationId);
        }
        catch (XmlException)
        {
            return Reject(400, "The Outbound Message is not well-formed XML (or declares a DTD, which is refused).");
        }
    }

    private static (IReadOnlyList<(string, string?)>, int, string?) ReadCore(XmlReader reader, string expectedOrganizationId)
    {
        var found = new List<(string, string?)>();
        var elements = 0;
        var notificationsDepth = -1;
        var notificationsSeen = false;
        string? organizationId = null;
        var notificationDepth = -1;
        string? notificationId = null;
        var sObjectDepth = -1;
        string? sObjectType = null;
        string? id = null, accountId = null, whatId = null;
        var capture = Capture.None;
        var captureDepth = -1;
        var text = new StringBuilder();
        var overflow = false;

        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (++elements > MaxElements)
                    {
                        return Reject(400, $"The Outbound Message has more than {MaxElements} elements.");
                    }

                    if (reader.Depth >= MaxDepth)
                    {
                        return Reject(400, $"The Outbound Message nests elements deeper than {MaxDepth} levels.");
                    }

                    if (reader.AttributeCount > MaxAttributesPerElement)
                    {
                        return Reject(400, $"An element of the Outbound Message has more than {MaxAttributesPerElement} attributes.");
                    }

                    var depth = reader.Depth;
                    var empty = reader.IsEmptyElement;
                    if (notificationsDepth < 0)
                    {
                        if (Is(reader, "notifications", Outbound))
                        {
                            if (notificationsSeen)
                            {
                                return Reject(400, "The Outbound Message has more than one notifications element.");
                            }

                            notificationsSeen = true;
                            notificationsDepth = empty ? -1 : depth;
                        }
                    }
                    else if (depth == notificationsDepth + 1)
                    {
                        if (Is(reader, "OrganizationId", Outbound) && organizationId is null)
                        {
                            capture = Capture.OrganizationId;
                        }
                        else if (Is(reader, "Notification", Outbound))
                        {
                            if (organizationId is null)
                            {
                                return Reject(403, "The Outbound Message names no OrganizationId before its first Notification.");
                            }

                            if (empty)
                            {
                                return Reject(400, "A Notification has no Id.");
                            }

                            notificationDepth = depth;
                            notificationId = id = accountId = whatId = sObjectType = null;
                        }
                    }
                    else if (notificationDepth >= 0 && depth == notificationDepth + 1)
                    {
                        if (Is(reader, "Id", Outbound) && notificationId is null)
                        {
                            capture = Capture.NotificationId;
                        }
                        else if (Is(reader, "sObject", Outbound) && sObjectType is null)
                        {
                            sObjectType = TypeAttributeOf(reader) ?? "";
                            sObjectDepth = empty ? -1 : depth;
                        }
                    }
                    else if (sObjectDepth >= 0 && depth == sObjectDepth + 1)
                    {
                        capture = reader.LocalName switch
                        {
                            "Id" when id is null => Capture.Id,
                            "AccountId" when accountId is null => Capture.AccountId,
                            "WhatId" when whatId is null => Capture.WhatId,
                            _ => Capture.None,
                        };
                    }

                    if (capture != Capture.None && captureDepth < 0)
                    {
                        captureDepth = depth;
                        text.Clear();
                        overflow = false;
                        if (empty)
                        {
                            goto case XmlNodeType.EndElement;
                        }
                    }

                    break;

                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (capture != Capture.None && reader.Depth == captureDepth + 1 && !overflow)
                    {
                        var value = reader.Value;
                        overflow = text.Length + value.Length > LimitOf(capture);
                        if (!overflow)
                        {
                            text.Append(value);
                        }
                    }

                    break;

                case XmlNodeType.EndElement:
                    var at = reader.NodeType == XmlNodeType.EndElement ? reader.Depth : captureDepth;
                    if (capture != Capture.None && at == captureDepth)
                    {
                        var value = overflow ? null : text.ToString().Trim();
                        switch (capture)
                        {
                            case Capture.OrganizationId:
                                organizationId = value ?? "";
                                if (!SameOrganization(organizationId, expectedOrganizationId))
                                {
                                    return Reject(403, "The OrganizationId does not match Alignment:Salesforce:OrganizationId.");
                                }

                                break;
                            case Capture.NotificationId when value is null:
                                return Reject(400, $"A Notification Id is longer than {MaxNotificationIdLength} characters.");
                            case Capture.NotificationId:
                                notificationId = value;
                                break;
                            case Capture.Id:
                                id = value ?? "";
                                break;
                            case Capture.AccountId:
                                accountId = value ?? "";
                                break;
                            case Capture.WhatId:
                                whatId = value ?? "";
                                break;
                        }

                        capture = Capture.None;
                        captureDepth = -1;
                    }
                    else if (at == sObjectDepth)
                    {
                        sObjectDepth = -1;
                    }
                    else if (at == notificationDepth)
                    {
                        if (string.IsNullOrEmpty(notificationId))
                        {
                            return Reject(400, "A Notification has no Id.");
                        }

                        found.Add((notificationId, AccountIdOf(sObjectType, id, accountId, whatId)));
                        notificationDepth = -1;
                    }
                    else if (at == notificationsDepth)
                    {
                        notificationsDepth = -1;
                    }

                    break;
            }
        }

        if (!notificationsSeen)
        {
            return Reject(400, "The SOAP body has no Outbound Message notifications element.");
        }

        return organizationId is null
            ? Reject(403, "The OrganizationId does not match Alignment:Salesforce:OrganizationId.")
            : (found, 200, null);
    }

    /// <summary>Orgs match on their 15-character form (the 18-character id adds a case-safe suffix).</summary>
    public static bool SameOrganization(string? given, string? expected) =>
        given is { Length: >= 15 } && expected is { Length: >= 15 }
        && string.Equals(given[..15], expected[..15], StringComparison.Ordinal);

    /// <summary>The account an Account notification is about, or the account of an activity (AccountId / WhatId).</summary>
    private static string? AccountIdOf(string? type, string? id, string? accountId, string? whatId)
    {
        if (type is null)
        {
            return null;
        }

        var candidate = type.EndsWith("Account", StringComparison.Ordinal) ? id : accountId ?? whatId;
        return SoqlLiteral.IsSalesforceId(candidate) && candidate!.StartsWith("001", StringComparison.Ordinal) ? candidate : null;
    }

    private static string? TypeAttributeOf(XmlReader reader)
    {
        string? type = null;
        while (reader.MoveToNextAttribute())
        {
            if (reader.LocalName == "type")
            {
                type = reader.Value;
                break;
            }
        }

        reader.MoveToElement();
        return type;
    }

    private static bool Is(XmlReader reader, string localName, string ns) =>
        reader.LocalName == localName && reader.NamespaceURI == ns;

    private static int LimitOf(Capture capture) => capture switch
    {
        Capture.OrganizationId => MaxOrganizationIdLength,
        Capture.NotificationId => MaxNotificationIdLength,
        _ => MaxFieldLength,
    };

    private static MemoryStream StreamOf(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);

    private static (IReadOnlyList<(string, string?)>, int, string?) Reject(int status, string problem) => ([], status, problem);
}
