using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Alignment.Core.Model;

/// <summary>
/// Walks a parsed JSON document and collects <see cref="ModelError"/>s with JSON paths (shared by the model and the
/// snapshot readers). Every <c>Try*</c> method reports its own error and returns false on a bad value.
/// </summary>
internal sealed class JsonReadContext
{
    private readonly ImmutableArray<ModelError>.Builder _errors = ImmutableArray.CreateBuilder<ModelError>();

    public bool HasErrors => _errors.Count > 0;

    public ImmutableArray<ModelError> Errors => _errors.ToImmutable();

    public void Error(string path, string message) => _errors.Add(new ModelError(path, message));

    /// <summary>
    /// Runs <paramref name="read"/> with a context of its own and adds what it reported to <paramref name="errors"/>:
    /// a section reader called on its own (the handoff and sla readers' public entry points).
    /// </summary>
    public static T? ReadInto<T>(ICollection<ModelError> errors, Func<JsonReadContext, T?> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(errors);
        var context = new JsonReadContext();
        var result = read(context);
        foreach (var error in context.Errors)
        {
            errors.Add(error);
        }

        return result;
    }

    /// <summary>Parses <paramref name="json"/>; on malformed JSON reports the line and position and returns null.</summary>
    public JsonDocument? Parse(string json, string what)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            Error("$", $"the {what} is empty; it must be one JSON object.");
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            var reason = ex.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            Error(JsonErrorLocator.PathAtError(json), $"malformed JSON at line {line}, position {column}: {reason} Fix the syntax there (quoted names, commas between members, no trailing comma).");
            return null;
        }
    }

    public static string Child(string path, string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
            }
        }

        return name.Length == 0 ? $"{path}['']" : $"{path}.{name}";
    }

    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public static string KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>A bad value as the error message shows it: numbers and booleans as written, a string quoted (cut at 40 characters), else its kind.</summary>
    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.String => value.GetString() is { Length: > 40 } text ? $"\"{text[..37]}...\"" : $"\"{value.GetString()}\"",
        _ => KindOf(value.ValueKind),
    };

    /// <summary>
    /// Checks that <paramref name="element"/> is an object, reports duplicate members, members not in
    /// <paramref name="allowed"/> (unless <paramref name="allowed"/> is null: unknown members tolerated) and missing
    /// <paramref name="required"/> members (each with an example).
    /// </summary>
    public bool CheckObject(JsonElement element, string path, string[]? allowed, params (string Name, string Example)[] required) =>
        CheckObject(element, path, allowed, duplicates: true, required);

    /// <summary>As above; <paramref name="duplicates"/> false when the object's duplicates were reported already.</summary>
    public bool CheckObject(JsonElement element, string path, string[]? allowed, bool duplicates, params (string Name, string Example)[] required)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"expected an object {{ ... }}, found {KindOf(element.ValueKind)}.");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = Child(path, property.Name);
            if (!seen.Add(property.Name))
            {
                if (duplicates)
                {
                    Error(propertyPath, $"'{property.Name}' appears more than once; keep one.");
                }
            }
            else if (allowed is not null && Array.IndexOf(allowed, property.Name) < 0)
            {
                Error(propertyPath, $"unknown setting '{property.Name}'; allowed here: {string.Join(", ", allowed)} (names are case-sensitive).");
            }
        }

        foreach (var (name, example) in required)
        {
            if (!seen.Contains(name))
            {
                Error(Child(path, name), $"required setting '{name}' is missing; add it, e.g. \"{name}\": {example}.");
            }
        }

        return true;
    }

    public bool TryGetNumber(JsonElement element, string path, out double value, string example = "30")
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        value = 0;
        Error(path, $"expected a number, found {Show(element)}; write a plain number such as {example} (no quotes).");
        return false;
    }

    public bool TryGetInteger(JsonElement element, string path, out int value)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value))
        {
            return true;
        }

        value = 0;
        Error(path, $"expected a whole number, found {Show(element)}; write e.g. 65.");
        return false;
    }

    public bool TryGetString(JsonElement element, string path, out string value, bool allowEmpty = false, string? example = null)
    {
        var eg = example is null ? "" : "; e.g. " + example;
        if (element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            if (allowEmpty || value.Trim().Length > 0)
            {
                return true;
            }

            Error(path, $"must not be empty{eg}.");
            return false;
        }

        value = string.Empty;
        Error(path, $"expected a string in quotes, found {Show(element)}{eg}.");
        return false;
    }

    /// <summary>A string or null (null when the member is absent or JSON null).</summary>
    public bool TryGetOptionalString(JsonElement parent, string name, string path, out string? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (TryGetString(element, Child(path, name), out var text, allowEmpty: true))
        {
            value = text;
            return true;
        }

        return false;
    }

    public bool TryGetBoolean(JsonElement element, string path, out bool value)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = element.GetBoolean();
            return true;
        }

        value = false;
        Error(path, $"expected true or false, found {Show(element)}.");
        return false;
    }

    /// <summary>An ISO-8601 instant with an offset (<c>Z</c> or <c>±hh:mm</c>), converted to UTC.</summary>
    public bool TryGetInstant(JsonElement element, string path, out DateTimeOffset value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.String)
        {
            Error(path, $"expected an ISO-8601 instant in quotes such as \"2026-11-20T15:00:00Z\", found {KindOf(element.ValueKind)}.");
            return false;
        }

        if (!element.TryGetDateTime(out var local) || !element.TryGetDateTimeOffset(out var instant))
        {
            Error(path, $"'{element.GetString()}' is not an ISO-8601 instant; write e.g. \"2026-11-20T15:00:00Z\".");
            return false;
        }

        if (local.Kind == DateTimeKind.Unspecified)
        {
            Error(path, $"'{element.GetString()}' has no UTC offset; add Z or an offset, e.g. \"2026-11-20T15:00:00Z\".");
            return false;
        }

        value = instant.ToUniversalTime();
        return true;
    }

    /// <summary>An optional instant (null when absent or JSON null).</summary>
    public bool TryGetOptionalInstant(JsonElement parent, string name, string path, out DateTimeOffset? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (TryGetInstant(element, Child(path, name), out var instant))
        {
            value = instant;
            return true;
        }

        return false;
    }
}
