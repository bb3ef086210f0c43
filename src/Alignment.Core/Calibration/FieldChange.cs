namespace Alignment.Core.Calibration;

/// <summary>One field the rollout of the proposal would write differently: its name, the value under the current model and under the proposal.</summary>
/// <param name="AccountId">The account's CRM id.</param>
/// <param name="From">The value the current model writes.</param>
/// <param name="To">The value the proposal writes.</param>
/// <param name="Field"><c>score</c>, <c>tier</c> or <c>modelVersion</c>.</param>
public sealed record FieldChange(string AccountId, string Field, string From, string To);
