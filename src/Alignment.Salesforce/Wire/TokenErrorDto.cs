using System.Text.Json.Serialization;

namespace Alignment.Salesforce.Wire;

/// <summary>The token endpoint's error body, e.g. <c>{"error":"invalid_grant","error_description":"…"}</c>.</summary>
internal sealed record TokenErrorDto(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
