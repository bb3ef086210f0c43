namespace Alignment.Sandbox.Salesforce;

/// <summary>Requests the emulator received, by kind (refused ones included).</summary>
/// <param name="Token">Calls to <c>/services/oauth2/token</c>.</param>
/// <param name="Reads">Query, query-locator and limits calls.</param>
/// <param name="Writes">sObject Collections and Bulk API 2.0 ingest calls.</param>
/// <param name="BulkQueryJobs">Bulk API 2.0 query jobs created.</param>
/// <param name="BulkIngestJobs">Bulk API 2.0 ingest jobs created.</param>
public sealed record SalesforceRequestCounts(int Token, int Reads, int Writes, int BulkQueryJobs = 0, int BulkIngestJobs = 0)
{
    public int Total => Token + Reads + Writes;
}
