namespace Alignment.Core.Accounts;

/// <summary>The account's sales owner (a CRM user).</summary>
/// <param name="Id">CRM user id.</param>
/// <param name="Email">Used to find the owner's Slack user; never logged.</param>
/// <param name="TimeZone">IANA time zone id of the owner's business calendar; null means the configured default.</param>
/// <param name="ManagerId">CRM user id of the owner's manager, for escalations.</param>
public sealed record Owner(string Id, string? Email = null, string? TimeZone = null, string? ManagerId = null);
