namespace Alignment.Salesforce.Auth;

/// <summary>An access token and the instance it is valid for.</summary>
/// <param name="AccessToken">The bearer token (never logged).</param>
/// <param name="InstanceUrl">Base URL of the org's REST API, from <c>instance_url</c> (or the configured override).</param>
/// <param name="ObtainedAt">When the token was obtained, read from <see cref="TimeProvider"/>.</param>
internal sealed record SalesforceToken(string AccessToken, Uri InstanceUrl, DateTimeOffset ObtainedAt);
