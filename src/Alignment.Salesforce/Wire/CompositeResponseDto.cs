using System.Text.Json;

namespace Alignment.Salesforce.Wire;

/// <summary>A Composite response: one result per subrequest, each with the subrequest's own status and body.</summary>
internal sealed record CompositeResponseDto(List<CompositeSubresponseDto>? CompositeResponse);

/// <summary>One subrequest's result; <see cref="Body"/> is the resource's normal body or its error array.</summary>
internal sealed record CompositeSubresponseDto(JsonElement Body, int HttpStatusCode, string? ReferenceId);
