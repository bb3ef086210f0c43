namespace Alignment.Sandbox.Salesforce;

/// <summary>How the Salesforce emulator behaves; the defaults match the adapter's defaults.</summary>
public sealed class SalesforceEmulatorOptions
{
    /// <summary>The consumer key both flows must present.</summary>
    public string ClientId { get; init; } = "alignment-emulator";

    /// <summary>The consumer secret of the client-credentials flow.</summary>
    public string ClientSecret { get; init; } = "emulator-secret";

    /// <summary>The <c>sub</c> a JWT assertion must carry.</summary>
    public string Username { get; init; } = "integration@alignment.example";

    /// <summary>When set, JWT assertions must be RS256-signed by the matching private key; otherwise signatures are not checked.</summary>
    public string? PublicKeyPem { get; init; }

    public string OrganizationId { get; init; } = "00D000000000001AAA";

    /// <summary>The daily allocation reported in <c>Sforce-Limit-Info</c> and <c>/limits</c>.</summary>
    public long DailyApiLimit { get; init; } = 100_000;

    /// <summary>Calls already used today when the emulator starts.</summary>
    public long ApiUsageStart { get; init; }

    /// <summary>Largest query page (Salesforce: 2,000; a smaller <c>Sforce-Query-Options: batchSize</c> wins).</summary>
    public int PageSize { get; init; } = 2000;

    /// <summary>Rows of a child subquery returned inline before its own <c>nextRecordsUrl</c>.</summary>
    public int ChildPageSize { get; init; } = 200;

    /// <summary>
    /// Status reads of a Bulk API 2.0 job that answer <c>InProgress</c> before it shows <c>JobComplete</c> (or
    /// <c>Failed</c>). Default 0: a job is done by the first status read, as small jobs are on Salesforce.
    /// </summary>
    public int BulkPollsInProgress { get; init; }

    /// <summary>Clock of SystemModstamp / CreatedDate values and of JWT <c>exp</c> checks.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>SystemModstamp of the seeded accounts; default: the time of start.</summary>
    public DateTimeOffset? SeededAt { get; init; }

    /// <summary>Owner of activities logged by marketing automation (not the account owner).</summary>
    public string MarketingUserId { get; init; } = "005000000000MKTAAA";

    public string IntentObject { get; init; } = "Alignment_Intent_Signal__c";
    public string IntentRelationship { get; init; } = "Alignment_Intent_Signals__r";
    public string IntentAccountField { get; init; } = "Account__c";
}
