namespace Alignment.Sync.Sla;

/// <summary>What one pass of <see cref="AlertDelivery.DeliverOpenAsync"/> did.</summary>
/// <param name="Sent">Alerts delivered (or confirmed delivered) in this pass.</param>
/// <param name="Retrying">Alerts waiting for their back-off (transient failure or an unresolved send).</param>
/// <param name="Unknown">Keys of alerts the channel cannot confirm; marked Unknown and not resent.</param>
/// <param name="Failed">Keys of alerts given up after repeated permanent failures.</param>
public sealed record AlertDeliveryOutcome(int Sent, int Retrying, IReadOnlyList<string> Unknown, IReadOnlyList<string> Failed);
