namespace Alignment.Salesforce.Wire;

/// <summary>
/// A Bulk API 2.0 job as <c>POST/GET /jobs/query</c> and <c>/jobs/ingest</c> answer it (docs/salesforce.md, "Bulk API
/// 2.0"). <see cref="State"/>: Open, UploadComplete, InProgress, JobComplete, Failed, Aborted.
/// </summary>
internal sealed record BulkJobDto(
    string Id,
    string? Operation,
    string? Object,
    string State,
    string? ColumnDelimiter,
    string? LineEnding,
    long? NumberRecordsProcessed,
    long? NumberRecordsFailed,
    string? ErrorMessage);

/// <summary>The body that creates a query job.</summary>
internal sealed record BulkQueryJobRequestDto(string Operation, string Query, string ColumnDelimiter, string LineEnding);

/// <summary>The body that creates an ingest job.</summary>
internal sealed record BulkIngestJobRequestDto(string Object, string Operation, string ContentType, string ColumnDelimiter, string LineEnding);

/// <summary>The body that moves a job to another state (<c>UploadComplete</c>, <c>Aborted</c>).</summary>
internal sealed record BulkJobStateDto(string State);
