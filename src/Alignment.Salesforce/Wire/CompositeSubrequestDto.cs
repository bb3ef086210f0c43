namespace Alignment.Salesforce.Wire;

/// <summary>One subrequest of a Composite request: method, version-relative URL, a reference id, its own headers.</summary>
internal sealed record CompositeSubrequestDto(string Method, string Url, string ReferenceId, Dictionary<string, string>? HttpHeaders);
