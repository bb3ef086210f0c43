namespace Alignment.Sandbox.Salesforce;

/// <summary>One Bulk API 2.0 job of the emulator: its settings, state and (once processed) its result rows.</summary>
internal sealed class BulkJob(string id, string operation, string obj, string version, char delimiter, string delimiterName, string lineEnding, DateTimeOffset created)
{
    public string Id { get; } = id;

    /// <summary><c>query</c>, <c>queryAll</c> or <c>update</c>.</summary>
    public string Operation { get; } = operation;

    public string Object { get; } = obj;

    public string Version { get; } = version;

    public char Delimiter { get; } = delimiter;

    /// <summary>The <c>columnDelimiter</c> name as the job was created with (<c>COMMA</c>, <c>TAB</c>, …).</summary>
    public string DelimiterName { get; } = delimiterName;

    /// <summary><c>LF</c> or <c>CRLF</c>.</summary>
    public string LineEnding { get; } = lineEnding;

    public DateTimeOffset Created { get; } = created;

    public Lock Gate { get; } = new();

    /// <summary>Open, UploadComplete, InProgress, JobComplete, Failed or Aborted.</summary>
    public string State { get; set; } = "Open";

    /// <summary>Status reads left that still answer <c>InProgress</c> before the job shows its final state.</summary>
    public int PollsInProgress { get; set; }

    /// <summary>The state the job reaches once processed: JobComplete or Failed.</summary>
    public string FinalState { get; set; } = "JobComplete";

    public string? ErrorMessage { get; set; }

    public string Header { get; set; } = "";

    /// <summary>Query: the column names of the result.</summary>
    public IReadOnlyList<string> Columns { get; set; } = [];

    /// <summary>Query: the result rows, formatted as Salesforce writes them (taken when the job was created).</summary>
    public PackedRows Rows { get; set; } = new();

    /// <summary>Ingest: the CSV bodies uploaded (Salesforce accepts one; more make the close fail); let go once processed.</summary>
    public List<string> Uploads { get; } = [];

    /// <summary>Ingest: the header of the uploaded CSV.</summary>
    public IReadOnlyList<string> UploadColumns { get; set; } = [];

    /// <summary>Ingest: the uploaded rows applied, as uploaded.</summary>
    public PackedRows Successful { get; } = new();

    /// <summary>Ingest: the rows refused, each as <c>[Id, error, ..uploaded row]</c>.</summary>
    public PackedRows Failed { get; } = new();

    /// <summary>Ingest: the rows never processed (the job failed or was aborted), as uploaded.</summary>
    public PackedRows Unprocessed { get; } = new();

    public string NewLine => LineEnding == "CRLF" ? "\r\n" : "\n";

    public bool IsQuery => Operation is "query" or "queryAll";
}
