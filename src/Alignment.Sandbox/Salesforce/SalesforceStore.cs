namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// The emulator's in-memory org: records by id and by type, the columns each type has, child relationships and
/// (lazily built) foreign-key indexes. Callers hold <see cref="Gate"/> while reading or writing.
/// </summary>
internal sealed class SalesforceStore
{
    private readonly Dictionary<string, EmulatedRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EmulatedRecord>> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RecordLayout> _layouts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string ChildType, string ForeignKey)> _children = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Type, string Field), Dictionary<string, List<EmulatedRecord>>> _indexes = [];
    private long _nextId;

    public Lock Gate { get; } = new();

    public void DeclareType(string type, params string[] columns)
    {
        if (!_columns.TryGetValue(type, out var set))
        {
            _columns[type] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Id" };
            _tables[type] = [];
        }

        set.UnionWith(columns);
        var layout = LayoutOf(type);
        foreach (var column in columns)
        {
            layout.Add(column); // declared columns get their slots before the first record, so records need not grow
        }
    }

    /// <summary>A new record of <paramref name="type"/> (not yet added), laid out as the type's others.</summary>
    public EmulatedRecord NewRecord(string type, string id) => new(LayoutOf(type), id);

    public void DeclareChildRelationship(string relationship, string childType, string foreignKey) => _children[relationship] = (childType, foreignKey);

    public bool HasType(string type) => _columns.ContainsKey(type);

    public bool HasColumn(string type, string field) => _columns.TryGetValue(type, out var set) && set.Contains(field);

    public (string ChildType, string ForeignKey)? ChildRelationship(string relationship) =>
        _children.TryGetValue(relationship, out var child) ? child : null;

    /// <summary>A new 18-character id with the given 3-character key prefix.</summary>
    public string NewId(string prefix) => prefix + Interlocked.Increment(ref _nextId).ToString("D12", System.Globalization.CultureInfo.InvariantCulture) + "AAA";

    public EmulatedRecord Add(EmulatedRecord record)
    {
        if (!_tables.TryGetValue(record.Type, out var table))
        {
            DeclareType(record.Type);
            table = _tables[record.Type];
        }

        _byId[record.Id] = record;
        table.Add(record);
        _columns[record.Type].UnionWith(record.SetFields().Select(f => f.Key));
        foreach (var key in _indexes.Keys.Where(k => string.Equals(k.Type, record.Type, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            _indexes.Remove(key);
        }

        return record;
    }

    private RecordLayout LayoutOf(string type)
    {
        lock (_layouts)
        {
            if (!_layouts.TryGetValue(type, out var layout))
            {
                _layouts[type] = layout = new RecordLayout(type);
                layout.Add("Id");
            }

            return layout;
        }
    }

    public EmulatedRecord? Find(string? id) => id is not null && _byId.TryGetValue(id, out var record) ? record : null;

    public IReadOnlyList<EmulatedRecord> Table(string type) => _tables.TryGetValue(type, out var table) ? table : [];

    /// <summary>Records of <paramref name="type"/> whose <paramref name="field"/> equals <paramref name="value"/> (indexed).</summary>
    public IReadOnlyList<EmulatedRecord> Where(string type, string field, string value)
    {
        if (!_indexes.TryGetValue((type, field), out var index))
        {
            index = new Dictionary<string, List<EmulatedRecord>>(StringComparer.Ordinal);
            foreach (var record in Table(type))
            {
                if (record[field] is string key)
                {
                    if (!index.TryGetValue(key, out var list))
                    {
                        index[key] = list = [];
                    }

                    list.Add(record);
                }
            }

            _indexes[(type, field)] = index;
        }

        return index.TryGetValue(value, out var rows) ? rows : [];
    }
}
