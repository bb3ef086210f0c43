using System.Buffers;
using System.Text.Json;

namespace Alignment.Salesforce.Bulk;

/// <summary>The columns of a Bulk API 2.0 result CSV (<c>Owner.Email</c> names a parent's field), shared by its rows.</summary>
internal sealed class BulkColumns
{
    private readonly Dictionary<string, int> _index;

    private BulkColumns(IReadOnlyList<string> names)
    {
        Names = names;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            _index.TryAdd(names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public static BulkColumns Of(IEnumerable<string> header) => new([.. header]);

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;
}

/// <summary>
/// One row of a Bulk API 2.0 result. Salesforce's CSV cannot tell an empty text from null; both read as null, as the
/// REST API returns them (Salesforce stores no empty text).
/// </summary>
internal sealed record BulkRow(BulkColumns Columns, string?[] Values)
{
    public string? this[string column] => Columns.IndexOf(column) is >= 0 and var i ? Values[i] : null;

    /// <summary>
    /// The row as the REST API's JSON record (dotted columns as nested objects, values as strings), so that the mappers
    /// that read REST records read Bulk rows the same way (docs/salesforce.md, "Bulk API 2.0").
    /// </summary>
    public JsonElement ToRecord()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            WriteLevel(w, "", Enumerable.Range(0, Columns.Count));
            w.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private void WriteLevel(Utf8JsonWriter w, string prefix, IEnumerable<int> indexes)
    {
        foreach (var group in indexes.GroupBy(i => Head(Columns.Names[i][prefix.Length..]), StringComparer.OrdinalIgnoreCase))
        {
            var nested = group.Where(i => Columns.Names[i].Length > prefix.Length + group.Key.Length).ToList();
            if (nested.Count == 0)
            {
                var value = Values[group.First()];
                if (value is null)
                {
                    w.WriteNull(group.Key);
                }
                else
                {
                    w.WriteString(group.Key, value);
                }

                continue;
            }

            if (nested.All(i => Values[i] is null))
            {
                w.WriteNull(group.Key); // no parent record (e.g. an account without owner)
                continue;
            }

            w.WriteStartObject(group.Key);
            WriteLevel(w, prefix + group.Key + ".", nested);
            w.WriteEndObject();
        }
    }

    private static string Head(string path) => path.IndexOf('.', StringComparison.Ordinal) is >= 0 and var dot ? path[..dot] : path;
}
