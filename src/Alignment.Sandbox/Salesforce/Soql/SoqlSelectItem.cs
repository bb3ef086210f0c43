namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>A field path (<c>Owner.Email</c>) or a child subquery.</summary>
internal sealed record SoqlSelectItem(string? Path, SoqlQuery? Subquery);
