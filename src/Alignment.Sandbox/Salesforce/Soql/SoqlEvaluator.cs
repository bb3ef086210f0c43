using System.Text.RegularExpressions;

namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>Runs a parsed query against the store (caller holds the store's gate).</summary>
internal sealed class SoqlEvaluator(SalesforceStore store)
{
    /// <summary>The rows of a top-level query, or of a child subquery of <paramref name="parent"/>.</summary>
    public List<EmulatedRecord> Execute(SoqlQuery query, EmulatedRecord? parent = null)
    {
        string type;
        IEnumerable<EmulatedRecord> rows;
        if (parent is null)
        {
            type = query.From;
            if (!store.HasType(type))
            {
                throw new SoqlQueryException("INVALID_TYPE", "sObject type '" + type + "' is not supported.");
            }

            rows = store.Table(type);
        }
        else
        {
            var child = store.ChildRelationship(query.From)
                ?? throw new SoqlQueryException("INVALID_TYPE", "Didn't understand relationship '" + query.From + "' in FROM part of query call.");
            type = child.ChildType;
            rows = store.Where(child.ChildType, child.ForeignKey, parent.Id);
        }

        Validate(query, type);
        var semiJoins = new Dictionary<SoqlIn, HashSet<string>>();
        if (query.Where is { } where)
        {
            rows = rows.Where(r => Matches(where, r, semiJoins));
        }

        IEnumerable<EmulatedRecord> ordered = rows;
        if (query.OrderBy.Count > 0)
        {
            IOrderedEnumerable<EmulatedRecord>? sorted = null;
            foreach (var (path, descending) in query.OrderBy)
            {
                var key = (EmulatedRecord r) => Resolve(r, path);
                var comparer = ValueComparer.IsIdPath(path, null) ? ValueComparer.Ids : ValueComparer.Instance;
                sorted = sorted is null
                    ? (descending ? ordered.OrderByDescending(key, comparer) : ordered.OrderBy(key, comparer))
                    : (descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer));
            }

            ordered = sorted!;
        }

        if (query.Limit is { } limit)
        {
            ordered = ordered.Take(limit);
        }

        return [.. ordered];
    }

    /// <summary>The value at a path such as <c>Owner.Email</c> (parent lookups by <c>XId</c> or <c>X__c</c>).</summary>
    public object? Resolve(EmulatedRecord record, string path)
    {
        var current = record;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            current = store.Find(current[ForeignKeyOf(parts[i])] as string);
            if (current is null)
            {
                return null;
            }
        }

        return current[parts[^1]];
    }

    /// <summary>The record a relationship segment points at.</summary>
    public EmulatedRecord? Parent(EmulatedRecord record, string relationship) => store.Find(record[ForeignKeyOf(relationship)] as string);

    public static string ForeignKeyOf(string relationship) =>
        relationship.EndsWith("__r", StringComparison.OrdinalIgnoreCase) ? relationship[..^3] + "__c" : relationship + "Id";

    private void Validate(SoqlQuery query, string type)
    {
        foreach (var item in query.Select)
        {
            if (item.Path is { } path && !path.Contains('.', StringComparison.Ordinal) && !store.HasColumn(type, path))
            {
                throw new SoqlQueryException("INVALID_FIELD", "No such column '" + path + "' on entity '" + type + "'.");
            }
        }
    }

    private bool Matches(SoqlCondition condition, EmulatedRecord record, Dictionary<SoqlIn, HashSet<string>> semiJoins) => condition switch
    {
        SoqlAnd and => Matches(and.Left, record, semiJoins) && Matches(and.Right, record, semiJoins),
        SoqlOr or => Matches(or.Left, record, semiJoins) || Matches(or.Right, record, semiJoins),
        SoqlNot not => !Matches(not.Inner, record, semiJoins),
        SoqlComparison c => Compare(Resolve(record, c.Path), c.Operator, c.Value, ValueComparer.IsIdPath(c.Path, c.Value) ? ValueComparer.Ids : ValueComparer.Instance),
        SoqlIn i => In(record, i, semiJoins) != i.Negated,
        _ => throw new SoqlQueryException("MALFORMED_QUERY", "Unsupported condition."),
    };

    private bool In(EmulatedRecord record, SoqlIn condition, Dictionary<SoqlIn, HashSet<string>> semiJoins)
    {
        var value = Resolve(record, condition.Path);
        if (condition.SemiJoin is { } sub)
        {
            if (!semiJoins.TryGetValue(condition, out var set))
            {
                var field = sub.Select.Count == 1 && sub.Select[0].Path is { } p ? p : throw new SoqlQueryException("MALFORMED_QUERY", "A semi-join selects one field.");
                set = [.. Execute(sub).Select(r => Resolve(r, field)).OfType<string>()];
                semiJoins[condition] = set;
            }

            return value is string s && set.Contains(s);
        }

        return condition.Values.Any(v => Compare(value, "=", v, ValueComparer.IsIdPath(condition.Path, v) ? ValueComparer.Ids : ValueComparer.Instance));
    }

    private static bool Compare(object? left, string op, object? right, ValueComparer comparer)
    {
        if (op == "LIKE")
        {
            return left is string text && right is string pattern && Like(pattern).IsMatch(text);
        }

        if (left is null || right is null)
        {
            return op switch
            {
                "=" => left is null && right is null,
                "!=" => (left is null) != (right is null),
                _ => false,
            };
        }

        var c = comparer.Compare(left, right);
        return op switch
        {
            "=" => c == 0,
            "!=" => c != 0,
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            ">=" => c >= 0,
            _ => throw new SoqlQueryException("MALFORMED_QUERY", "Unknown operator " + op + "."),
        };
    }

    private static Regex Like(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
