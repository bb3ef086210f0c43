using System.Text.Json;

namespace Alignment.Salesforce.Wire;

/// <summary>A SOQL query result page (also the shape of a child relationship inside a record).</summary>
internal sealed record QueryResultDto(int TotalSize, bool Done, string? NextRecordsUrl, List<JsonElement>? Records);
