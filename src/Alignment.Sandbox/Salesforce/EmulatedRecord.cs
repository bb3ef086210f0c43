namespace Alignment.Sandbox.Salesforce;

/// <summary>One sObject row of the emulator: its type, id and field values (string, decimal, bool, DateTimeOffset or null).</summary>
internal sealed class EmulatedRecord(string type, string id)
{
    public string Type { get; } = type;
    public string Id { get; } = id;
    public Dictionary<string, object?> Fields { get; } = new(StringComparer.OrdinalIgnoreCase) { ["Id"] = id };

    public object? this[string field]
    {
        get => Fields.TryGetValue(field, out var value) ? value : null;
        set => Fields[field] = value;
    }
}
