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

    /// <summary>Prefix of every table name (letters and digits, starting with a letter), e.g. <c>alignment</c> → <c>alignmentcheckpoints</c>.</summary>
    public string TablePrefix { get; set; } = "alignment";
}
