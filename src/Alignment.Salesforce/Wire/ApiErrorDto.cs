namespace Alignment.Salesforce.Wire;

/// <summary>One entry of the REST error array <c>[{"message","errorCode","fields"}]</c>.</summary>
internal sealed record ApiErrorDto(string? Message, string? ErrorCode, List<string>? Fields);
