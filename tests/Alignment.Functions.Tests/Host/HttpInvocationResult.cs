namespace Alignment.Functions.Tests.Host;

/// <summary>What an HTTP function answered through the host: status, headers and body text.</summary>
internal sealed record HttpInvocationResult(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body);
