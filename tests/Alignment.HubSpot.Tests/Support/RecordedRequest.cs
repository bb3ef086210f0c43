namespace Alignment.HubSpot.Tests.Support;

/// <summary>One HTTP attempt the client sent, as seen at the wire.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, string? Body, string? Authorization);
