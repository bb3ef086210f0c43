using System.Text.Json.Serialization;

namespace Alignment.Salesforce.Wire;

/// <summary>The token endpoint's answer; Salesforce sends no <c>expires_in</c>.</summary>
internal sealed record TokenResponseDto(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("instance_url")] string? InstanceUrl,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("issued_at")] string? IssuedAt);
