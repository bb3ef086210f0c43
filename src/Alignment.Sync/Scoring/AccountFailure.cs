namespace Alignment.Sync.Scoring;

/// <summary>An account whose write the CRM refused for good (reported; retried only when the account changes again or by the next full rescore).</summary>
/// <param name="AccountId">CRM id.</param>
/// <param name="ErrorCode">The CRM's error code, e.g. <c>FIELD_CUSTOM_VALIDATION_EXCEPTION</c>.</param>
public sealed record AccountFailure(string AccountId, string ErrorCode);
