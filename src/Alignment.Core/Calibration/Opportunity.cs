namespace Alignment.Core.Calibration;

/// <summary>
/// A sales opportunity (Salesforce <c>Opportunity</c>, HubSpot deal) as calibration sees it. Instants are UTC.
/// </summary>
/// <param name="Id">The CRM id of the opportunity or deal.</param>
/// <param name="AccountId">The CRM id of its account or company.</param>
/// <param name="CreatedAt">When it was created: the instant its account is scored as of (no later signal counts).</param>
/// <param name="ClosedAt">When it closed; null while it is open.</param>
/// <param name="Won">Whether it closed won; null while it is open.</param>
/// <param name="Amount">Its amount in the CRM's corporate currency; null when unknown.</param>
public sealed record Opportunity(string Id, string AccountId, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, bool? Won, decimal? Amount)
{
    /// <summary>Whether the opportunity is closed with a known outcome.</summary>
    public bool IsClosed => ClosedAt is not null && Won is not null;
}
