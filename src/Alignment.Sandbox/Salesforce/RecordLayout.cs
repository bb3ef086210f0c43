namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// The slots of one sObject type's fields, shared by all its records; a field set for the first time gets the next
/// slot. Reads take no lock (the slot map is replaced, never changed in place); adding a field takes one.
/// </summary>
internal sealed class RecordLayout(string type)
{
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = new(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase), []);

    public string Type { get; } = type;

    public int Count => _snapshot.Names.Length;

    /// <summary>The field names by slot.</summary>
    public IReadOnlyList<string> Names => _snapshot.Names;

    /// <summary>The field's slot, or -1 when no record of the type has it.</summary>
    public int SlotOf(string field) => _snapshot.Slots.TryGetValue(field, out var slot) ? slot : -1;

    /// <summary>The field's slot, adding it if new.</summary>
    public int Add(string field)
    {
        if (_snapshot.Slots.TryGetValue(field, out var slot))
        {
            return slot;
        }

        lock (_gate)
        {
            var current = _snapshot;
            if (current.Slots.TryGetValue(field, out slot))
            {
                return slot;
            }

            var slots = new Dictionary<string, int>(current.Slots, StringComparer.OrdinalIgnoreCase) { [field] = current.Names.Length };
            _snapshot = new Snapshot(slots, [.. current.Names, field]);
            return current.Names.Length;
        }
    }

    private sealed record Snapshot(Dictionary<string, int> Slots, string[] Names);
}
