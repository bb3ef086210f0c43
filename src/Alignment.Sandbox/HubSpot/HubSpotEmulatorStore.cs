using System.Globalization;
using System.Text.Json.Nodes;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// The emulator's portal: records by object type, associations (kept in both directions), owners, property groups
/// and definitions. Callers hold <see cref="Sync"/> around every use.
/// </summary>
internal sealed class HubSpotEmulatorStore(TimeProvider time)
{
    /// <summary>Company properties HubSpot defines itself (accepted on writes, listed by the properties API).</summary>
    public static readonly IReadOnlySet<string> StandardCompanyProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "domain", "numberofemployees", "industry", "annualrevenue", "country", "web_technologies", "hubspot_owner_id",
        "hs_object_id", "hs_lastmodifieddate", "createdate", "hs_analytics_last_visit_timestamp", "notes_last_updated",
    };

    private readonly Dictionary<string, SortedDictionary<long, HubSpotEmulatedObject>> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, long Id, string To), List<long>> _associations = [];
    private long _nextId = 100_001;

    public Lock Sync { get; } = new();

    public TimeProvider Time => time;

    public List<(string Id, string? Email)> Owners { get; } = [];

    public Dictionary<string, Dictionary<string, JsonObject>> Groups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, JsonObject>> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>List definitions by list id (Lists API v3), as created.</summary>
    public Dictionary<string, JsonObject> Lists { get; } = new(StringComparer.Ordinal);

    /// <summary>Event occurrences (events API) by the CRM record they belong to, in the order they happened.</summary>
    public Dictionary<(string ObjectType, long ObjectId), List<EmulatedEvent>> Events { get; } = [];

    public HubSpotEmulatedObject Create(string objectType, long? id = null)
    {
        var newId = id ?? _nextId++;
        _nextId = Math.Max(_nextId, newId + 1);
        var now = time.GetUtcNow();
        var record = new HubSpotEmulatedObject(newId, now);
        record.Properties["hs_object_id"] = newId.ToString(CultureInfo.InvariantCulture);
        record.Properties["createdate"] = Iso(now);
        record.Properties["hs_lastmodifieddate"] = Iso(now);
        Table(objectType)[newId] = record;
        return record;
    }

    public long NextId() => _nextId++;

    public HubSpotEmulatedObject? Get(string objectType, long id) =>
        _objects.TryGetValue(objectType, out var table) && table.TryGetValue(id, out var record) ? record : null;

    public HubSpotEmulatedObject? Get(string objectType, string id) =>
        long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? Get(objectType, n) : null;

    public IEnumerable<HubSpotEmulatedObject> All(string objectType) =>
        _objects.TryGetValue(objectType, out var table) ? table.Values : [];

    public void Associate(string fromType, long fromId, string toType, long toId)
    {
        Add((fromType, fromId, toType), toId);
        Add((toType, toId, fromType), fromId);
    }

    public IReadOnlyList<long> Associated(string fromType, long fromId, string toType) =>
        _associations.TryGetValue((fromType, fromId, toType), out var ids) ? ids : [];

    /// <summary>Sets a property as a write does: the value, then <c>hs_lastmodifieddate</c>.</summary>
    public void Touch(HubSpotEmulatedObject record)
    {
        var now = time.GetUtcNow();
        record.UpdatedAt = now;
        record.Properties["hs_lastmodifieddate"] = Iso(now);
    }

    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private SortedDictionary<long, HubSpotEmulatedObject> Table(string objectType)
    {
        if (!_objects.TryGetValue(objectType, out var table))
        {
            _objects[objectType] = table = [];
        }

        return table;
    }

    private void Add((string, long, string) key, long id)
    {
        if (!_associations.TryGetValue(key, out var ids))
        {
            _associations[key] = ids = [];
        }

        if (!ids.Contains(id))
        {
            ids.Add(id);
        }
    }
}

/// <summary>One event occurrence: its type (<c>e_visited_page</c>), id, instant and properties (<c>hs_url</c>…).</summary>
internal sealed record EmulatedEvent(string EventType, string Id, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, string> Properties);
