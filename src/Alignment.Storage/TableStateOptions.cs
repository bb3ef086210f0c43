namespace Alignment.Storage;

/// <summary>Where the connector keeps its state (Azure Table Storage; Azurite locally). Section <c>Alignment:State</c>.</summary>
public sealed class TableStateOptions
{
    public const string SectionName = "Alignment:State";

    /// <summary>A storage connection string, e.g. <c>UseDevelopmentStorage=true</c>. Set this or <see cref="TableServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The table service endpoint for managed identity (<c>DefaultAzureCredential</c>), e.g.
    /// <c>https://mystorage.table.core.windows.net</c>. Set this or <see cref="ConnectionString"/>.
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>
    /// The queue service endpoint for managed identity, e.g. <c>https://mystorage.queue.core.windows.net</c> (the
    /// partitions of a partitioned full rescore travel there). Default: <see cref="TableServiceUri"/> with
    /// <c>.table.</c> replaced by <c>.queue.</c>; with a connection string, that string's queue endpoint.
    /// </summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Prefix of every table name (letters and digits, starting with a letter), e.g. <c>alignment</c> → <c>alignmentcheckpoints</c>.</summary>
    public string TablePrefix { get; set; } = "alignment";
}
