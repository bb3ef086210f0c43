using System.Text.Json;

namespace Alignment.HubSpot.Wire;

/// <summary>
/// One event occurrence of the events API (<c>ExternalUnifiedEvent</c>): a page view is <c>e_visited_page</c> with the
/// page's address in its properties (docs/hubspot.md, "Page views").
/// </summary>
internal sealed record EventOccurrence(
    string? EventType,
    string? Id,
    string? ObjectId,
    string? ObjectType,
    DateTimeOffset? OccurredAt,
    IReadOnlyDictionary<string, JsonElement>? Properties)
{
    /// <summary>A property's text (a string, or a number/boolean as written); null when absent.</summary>
    public string? Property(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;
}

/// <summary>A page of event occurrences (<c>CollectionResponseExternalUnifiedEvent</c>), paged by <c>after</c>.</summary>
internal sealed record EventsResponse(IReadOnlyList<EventOccurrence>? Results, Paging? Paging);
