namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// One sObject row of the emulator: its type, id and field values (string, decimal, bool, DateTimeOffset or null).
/// The values sit in an array laid out by the type's <see cref="RecordLayout"/> rather than in a dictionary of their
/// own, so that an org of a million accounts and ten million activities fits in memory (docs/benchmarks.md, "Partitioned
/// full rescore at scale"). A field never set reads as null, as before, but is not listed by <see cref="SetFields"/>.
/// </summary>
internal sealed class EmulatedRecord
{
    private static readonly object Unset = new();
    private readonly RecordLayout _layout;
    private object?[] _values;

    public EmulatedRecord(RecordLayout layout, string id)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        Id = id;
        _values = NewValues(layout.Count);
        this["Id"] = id;
    }

    public string Type => _layout.Type;

    public string Id { get; }

    public object? this[string field]
    {
        get
        {
            var slot = _layout.SlotOf(field);
            return slot >= 0 && slot < _values.Length && _values[slot] is var value && !ReferenceEquals(value, Unset) ? value : null;
        }

        set
        {
            var slot = _layout.Add(field);
            if (slot >= _values.Length)
            {
                var grown = NewValues(_layout.Count);
                _values.CopyTo(grown, 0);
                _values = grown;
            }

            _values[slot] = value is DateTimeOffset at && IsAuditField(field) ? WholeSeconds(at, value) : value;
        }
    }

    /// <summary>
    /// Salesforce keeps its audit instants (<c>CreatedDate</c>, <c>LastModifiedDate</c>, <c>SystemModstamp</c>) to the
    /// second — every recorded response in <c>shared/crm-api</c> ends <c>.000</c> — so the emulator does too: several
    /// changes within a second share a stamp, as they do in an org (docs/sync.md, the checkpoint's second).
    /// </summary>
    public static DateTimeOffset WholeSeconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static object WholeSeconds(DateTimeOffset at, object boxed) =>
        at.UtcTicks % TimeSpan.TicksPerSecond == 0 && at.Offset == TimeSpan.Zero ? boxed : WholeSeconds(at);

    private static bool IsAuditField(string field) =>
        field.Equals("SystemModstamp", StringComparison.OrdinalIgnoreCase)
        || field.Equals("LastModifiedDate", StringComparison.OrdinalIgnoreCase)
        || field.Equals("CreatedDate", StringComparison.OrdinalIgnoreCase);

    /// <summary>The fields that have been set (to a value or to null), with their values.</summary>
    public IEnumerable<KeyValuePair<string, object?>> SetFields()
    {
        var names = _layout.Names;
        for (var slot = 0; slot < _values.Length; slot++)
        {
            if (!ReferenceEquals(_values[slot], Unset))
            {
                yield return new KeyValuePair<string, object?>(names[slot], _values[slot]);
            }
        }
    }

    private static object?[] NewValues(int count)
    {
        var values = new object?[count];
        Array.Fill(values, Unset);
        return values;
    }
}
