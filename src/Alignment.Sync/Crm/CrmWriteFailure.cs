namespace Alignment.Sync.Crm;

/// <summary>One record the CRM refused.</summary>
/// <param name="AccountId">CRM id of the account.</param>
/// <param name="ErrorCode">The CRM's code, e.g. <c>UNABLE_TO_LOCK_ROW</c>, <c>FIELD_CUSTOM_VALIDATION_EXCEPTION</c>, <c>VALIDATION_ERROR</c>.</param>
/// <param name="Message">The CRM's message (no field values of the record).</param>
/// <param name="Transient">True when a later retry can succeed (lock contention, 5xx); false for validation errors.</param>
public sealed record CrmWriteFailure(string AccountId, string ErrorCode, string Message, bool Transient);
