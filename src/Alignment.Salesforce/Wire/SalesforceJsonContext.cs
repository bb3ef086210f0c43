using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alignment.Salesforce.Wire;

/// <summary>Source-generated serialization of the wire DTOs; tolerant of unknown fields and of name casing.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(QueryResultDto))]
[JsonSerializable(typeof(TokenResponseDto))]
[JsonSerializable(typeof(TokenErrorDto))]
[JsonSerializable(typeof(List<ApiErrorDto>))]
[JsonSerializable(typeof(ApiErrorDto))]
[JsonSerializable(typeof(List<SaveResultDto>))]
[JsonSerializable(typeof(Dictionary<string, LimitDto>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(CompositeRequestDto))]
[JsonSerializable(typeof(CompositeResponseDto))]
[JsonSerializable(typeof(BulkJobDto))]
[JsonSerializable(typeof(BulkQueryJobRequestDto))]
[JsonSerializable(typeof(BulkIngestJobRequestDto))]
[JsonSerializable(typeof(BulkJobStateDto))]
internal sealed partial class SalesforceJsonContext : JsonSerializerContext;
