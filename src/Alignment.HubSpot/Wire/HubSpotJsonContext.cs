using System.Text.Json.Serialization;

namespace Alignment.HubSpot.Wire;

/// <summary>Source-generated serializer for the wire DTOs: camelCase, nulls omitted, numbers read from strings.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SearchRequest))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(BatchReadRequest))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(BatchUpdateRequest))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(AssociationBatchRequest))]
[JsonSerializable(typeof(AssociationBatchResponse))]
[JsonSerializable(typeof(OwnersResponse))]
[JsonSerializable(typeof(PropertyGroupDto))]
[JsonSerializable(typeof(PropertyDto))]
[JsonSerializable(typeof(IReadOnlyList<WebhookEvent>))]
[JsonSerializable(typeof(PropertyDefinitionsFile))]
[JsonSerializable(typeof(HubSpotObject))]
[JsonSerializable(typeof(ListCreateRequest))]
[JsonSerializable(typeof(ListResponse))]
[JsonSerializable(typeof(EventsResponse))]
internal sealed partial class HubSpotJsonContext : JsonSerializerContext;
