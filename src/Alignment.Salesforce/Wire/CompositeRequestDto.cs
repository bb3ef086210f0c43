namespace Alignment.Salesforce.Wire;

/// <summary><c>POST /composite</c>: up to 25 subrequests; the adapter sends one query whose SOQL is too long for a GET URI.</summary>
internal sealed record CompositeRequestDto(bool AllOrNone, List<CompositeSubrequestDto> CompositeRequest);
