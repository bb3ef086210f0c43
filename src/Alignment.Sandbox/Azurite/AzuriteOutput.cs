namespace Alignment.Sandbox.Azurite;

/// <summary>The last lines an Azurite process printed, and whether it reported that it started.</summary>
internal sealed class AzuriteOutput
{
    private const int Keep = 40;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private volatile bool _table;
    private volatile bool _queue;

    /// <summary>Whether the Table and Queue services both said they are listening.</summary>
    public bool Started => _table && _queue;

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("Table service is successfully listening", StringComparison.OrdinalIgnoreCase))
        {
            _table = true;
        }

        if (line.Contains("Queue service is successfully listening", StringComparison.OrdinalIgnoreCase))
        {
            _queue = true;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > Keep)
            {
                _lines.Dequeue();
            }
        }
    }

    public string Recent()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines);
        }
    }
}
