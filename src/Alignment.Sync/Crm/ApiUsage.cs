namespace Alignment.Sync.Crm;

/// <summary>API consumption seen by one <see cref="ICrm"/> instance.</summary>
/// <param name="Calls">HTTP calls made (token calls included).</param>
/// <param name="DailyUsed">The CRM's own count of calls used today, when it reports one (Salesforce <c>Sforce-Limit-Info</c>).</param>
/// <param name="DailyLimit">The CRM's daily budget, when it reports one.</param>
public sealed record ApiUsage(int Calls, long? DailyUsed = null, long? DailyLimit = null);
