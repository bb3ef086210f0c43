using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alignment.Slack.Api;

/// <summary>The parts of Slack Web API answers we read (<c>chat.postMessage</c>, <c>users.lookupByEmail</c>, <c>conversations.history</c>, <c>conversations.open</c>).</summary>
internal sealed class SlackApiResponse
{
    public bool Ok { get; set; }
    public string? Error { get; set; }
    public string? Warning { get; set; }
    /// <summary>A channel id (<c>chat.postMessage</c>) or a channel object with an <c>id</c> (<c>conversations.open</c>).</summary>
    public JsonElement Channel { get; set; }
    public string? Ts { get; set; }
    public SlackUser? User { get; set; }
    public List<SlackHistoryMessage>? Messages { get; set; }
    public bool HasMore { get; set; }
    public SlackResponseMetadata? ResponseMetadata { get; set; }
}

internal sealed class SlackUser
{
    public string? Id { get; set; }
}

internal sealed class SlackHistoryMessage
{
    public string? Ts { get; set; }
    public SlackMessageMetadata? Metadata { get; set; }
}

internal sealed class SlackMessageMetadata
{
    public string? EventType { get; set; }
    public SlackAlertPayload? EventPayload { get; set; }
}

internal sealed class SlackAlertPayload
{
    public string? Key { get; set; }
}

internal sealed class SlackResponseMetadata
{
    public string? NextCursor { get; set; }
}

/// <summary>Source-generated JSON for the Slack wire DTOs (snake_case, unknown fields ignored).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SlackApiResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
