using System.Text.Json.Serialization;
using Alignment.Sync.Alerts;

namespace Alignment.Storage.Json;

/// <summary>JSON of the complex members stored as string properties (the alert payload, account id lists).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<Sync.History.FieldChange>))]
[JsonSerializable(typeof(Sync.Partitions.PartitionMessage))]
[JsonSerializable(typeof(Sync.Scoreboard.StoredScoreboardWeek))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
