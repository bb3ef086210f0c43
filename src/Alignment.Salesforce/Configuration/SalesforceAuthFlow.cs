namespace Alignment.Salesforce.Configuration;

/// <summary>How the connector obtains an access token.</summary>
public enum SalesforceAuthFlow
{
    /// <summary>OAuth 2.0 JWT bearer flow: an RS256 assertion signed with <c>PrivateKeyPem</c>. Needs no secret at runtime.</summary>
    JwtBearer,

    /// <summary>OAuth 2.0 client-credentials flow with <c>ClientSecret</c>; needs the My Domain login URL and a Run-As user.</summary>
    ClientCredentials,
}
