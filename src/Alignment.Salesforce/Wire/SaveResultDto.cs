namespace Alignment.Salesforce.Wire;

/// <summary>One per-record result of an sObject Collections call (in request order; failures may lack <c>id</c>).</summary>
internal sealed record SaveResultDto(string? Id, bool Success, List<SaveErrorDto>? Errors);
