using Alignment.Sync.Alerts;

namespace Alignment.Sync.Plan;

/// <summary>An SLA alert the sweep would send now (not yet in the alert ledger).</summary>
public sealed record PlannedAlert(AlertLevel Level, string Key);
