namespace Alignment.Sandbox.Salesforce;

/// <summary>Requests the emulator received, by kind (refused ones included).</summary>
/// <param name="Token">Calls to <c>/services/oauth2/token</c>.</param>
/// <param name="Reads">Query, query-locator and limits calls.</param>
/// <param name="Writes">sObject Collections calls.</param>
public sealed record SalesforceRequestCounts(int Token, int Reads, int Writes)
{
    public int Total => Token + Reads + Writes;
}
