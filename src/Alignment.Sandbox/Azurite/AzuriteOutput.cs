namespace Alignment.Sandbox.Azurite;

/// <summary>The last lines an Azurite process printed, and whether it reported that it started.</summary>
internal sealed class AzuriteOutput
{
    private const int Keep = 40;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private volatile bool _started;

    public bool Started => _started;

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("successfully started", StringComparison.OrdinalIgnoreCase))
        {
            _started = true;
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
