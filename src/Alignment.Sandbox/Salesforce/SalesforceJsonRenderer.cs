using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Alignment.Sandbox.Salesforce.Soql;

namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// Writes query results as Salesforce does: <c>{"totalSize","done","nextRecordsUrl"?,"records":[{"attributes":…}]}</c>;
/// parent paths as nested objects, child subqueries as nested query results paged at the child page size.
/// DateTimes as <c>2026-11-20T15:00:00.000+0000</c>.
/// </summary>
internal sealed class SalesforceJsonRenderer(SoqlEvaluator evaluator, string apiVersion, int childPageSize)
{
    private readonly ConcurrentDictionary<string, QueryCursor> _cursors = new(StringComparer.Ordinal);
    private long _nextLocator;

    public QueryCursor? Cursor(string locator) => _cursors.GetValueOrDefault(locator);

    /// <summary>Registers rows for paging and returns the locator.</summary>
    public string Register(QueryCursor cursor)
    {
        var locator = "01g" + Interlocked.Increment(ref _nextLocator).ToString("D12", CultureInfo.InvariantCulture);
        _cursors[locator] = cursor;
        return locator;
    }

    public void WritePage(Utf8JsonWriter w, string locator, QueryCursor cursor, int offset, int pageSize)
    {
        var end = Math.Min(cursor.Rows.Count, offset + pageSize);
        w.WriteStartObject();
        w.WriteNumber("totalSize", cursor.Rows.Count);
        w.WriteBoolean("done", end >= cursor.Rows.Count);
        if (end < cursor.Rows.Count)
        {
            w.WriteString("nextRecordsUrl", NextUrl(locator, end));
        }

        w.WriteStartArray("records");
        for (var i = offset; i < end; i++)
        {
            WriteRecord(w, cursor.Rows[i], cursor.Select);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public string NextUrl(string locator, int offset) =>
        "/services/data/" + apiVersion + "/query/" + locator + "-" + offset.ToString(CultureInfo.InvariantCulture);

    private void WriteRecord(Utf8JsonWriter w, EmulatedRecord record, IReadOnlyList<SoqlSelectItem> select)
    {
        w.WriteStartObject();
        WriteAttributes(w, record);
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in select)
        {
            if (item.Subquery is { } sub)
            {
                WriteChildren(w, record, sub);
                continue;
            }

            var path = item.Path!;
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var head = dot < 0 ? path : path[..dot];
            if (!written.Add(head))
            {
                continue;
            }

            if (dot < 0)
            {
                WriteValue(w, head, record[head]);
                continue;
            }

            // All paths under the same relationship render as one nested object.
            var parent = evaluator.Parent(record, head);
            if (parent is null)
            {
                w.WriteNull(head);
                continue;
            }

            var nested = select.Where(s => s.Path is { } p && p.StartsWith(head + ".", StringComparison.OrdinalIgnoreCase))
                .Select(s => new SoqlSelectItem(s.Path![(head.Length + 1)..], null)).ToList();
            w.WritePropertyName(head);
            WriteRecord(w, parent, nested);
        }

        w.WriteEndObject();
    }

    private void WriteChildren(Utf8JsonWriter w, EmulatedRecord record, SoqlQuery sub)
    {
        var rows = evaluator.Execute(sub, record);
        if (rows.Count == 0)
        {
            w.WriteNull(sub.From);
            return;
        }

        w.WritePropertyName(sub.From);
        var cursor = new QueryCursor(sub.Select, rows);
        var locator = rows.Count > childPageSize ? Register(cursor) : "";
        WritePage(w, locator, cursor, 0, childPageSize);
    }

    private void WriteAttributes(Utf8JsonWriter w, EmulatedRecord record)
    {
        w.WriteStartObject("attributes");
        w.WriteString("type", record.Type);
        w.WriteString("url", "/services/data/" + apiVersion + "/sobjects/" + record.Type + "/" + record.Id);
        w.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case null: w.WriteNull(name); break;
            case string s: w.WriteString(name, s); break;
            case bool b: w.WriteBoolean(name, b); break;
            case decimal d: w.WriteNumber(name, d); break;
            case DateTimeOffset t: w.WriteString(name, FormatInstant(t)); break;
            case DateOnly d: w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            default: w.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    public static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
