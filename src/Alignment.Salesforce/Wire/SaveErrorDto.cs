namespace Alignment.Salesforce.Wire;

/// <summary>A per-record error; note the code is named <c>statusCode</c> here, <c>errorCode</c> at top level.</summary>
internal sealed record SaveErrorDto(string? StatusCode, string? Message, List<string>? Fields);
