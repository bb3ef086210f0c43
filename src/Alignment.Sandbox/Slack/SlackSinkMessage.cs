namespace Alignment.Sandbox.Slack;

/// <summary>One message the sink accepted.</summary>
/// <param name="Via"><c>webhook</c> or <c>chat.postMessage</c>.</param>
/// <param name="Channel">The channel (or, for a DM, user) id it was posted to.</param>
/// <param name="Text">The top-level <c>text</c> fallback.</param>
/// <param name="BlocksJson">The <c>blocks</c> array as JSON, or null.</param>
/// <param name="MetadataEventType">The message metadata <c>event_type</c>, or null.</param>
/// <param name="MetadataPayloadJson">The message metadata <c>event_payload</c> as JSON, or null.</param>
/// <param name="Ts">Slack's message timestamp id (<c>1732114800.000001</c>).</param>
/// <param name="ReceivedAt">When the sink received it (sink clock).</param>
public sealed record SlackSinkMessage(
    string Via,
    string Channel,
    string? Text,
    string? BlocksJson,
    string? MetadataEventType,
    string? MetadataPayloadJson,
    string Ts,
    DateTimeOffset ReceivedAt);
