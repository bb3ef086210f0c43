namespace Alignment.Sync.Crm;

/// <summary>
/// A CRM that writes a partition's staged writes in one go, reading them from disk as it sends them (Salesforce: one
/// Bulk API 2.0 ingest job, its CSV written from the staged file and uploaded from disk). A CRM without it gets them
/// in batches through <see cref="ICrm.WriteAsync"/> (docs/partitions.md, "A worker's memory").
/// </summary>
public interface IStagedCrmWriter
{
    /// <summary>Writes every staged write; per-record failures returned, a failure of the whole write thrown, as <see cref="ICrm.WriteAsync"/>.</summary>
    Task<CrmWriteResult> WriteStagedAsync(IStagedWrites writes, CancellationToken cancellationToken);
}
