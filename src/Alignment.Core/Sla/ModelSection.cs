using System.Globalization;
using System.Text.Json;
using Alignment.Core.Model;

namespace Alignment.Core.Sla;

/// <summary>
/// One JSON object of the model file being read: typed property reads that report problems as
/// <see cref="ModelError"/>s with the JSON path of the bad entry. Used by the <c>sla</c> and <c>handoff</c> readers.
/// </summary>
internal sealed class ModelSection
{
    private readonly ICollection<ModelError> _errors;

    private ModelSection(JsonElement element, string path, ICollection<ModelError> errors)
    {
        Element = element;
        Path = path;
        _errors = errors;
    }

    public JsonElement Element { get; }

    public string Path { get; }

    /// <summary>The object at <paramref name="path"/>, or null (error reported) when it is not an object.</summary>
    public static ModelSection? Open(JsonElement element, string path, ICollection<ModelError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ModelError(path, $"Expected an object, found {Describe(element)}."));
            return null;
        }

        return new ModelSection(element, path, errors);
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public string PathOf(string name) => $"{Path}.{name}";

    public void Error(string path, string message) => _errors.Add(new ModelError(path, message));

    /// <summary>Reports each property not in <paramref name="known"/> (names are case-sensitive).</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var property in Element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                Error(PathOf(property.Name), $"Unknown property '{property.Name}'; expected one of: {string.Join(", ", known)}.");
            }
        }
    }

    /// <summary>The property's value, or null when absent or JSON null.</summary>
    public JsonElement? Get(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A nested object (e.g. an array element) reporting into the same error list.</summary>
    public ModelSection? Child(JsonElement element, string path) => Open(element, path, _errors);

    public ModelSection? Object(string name) => Get(name) is { } value ? Open(value, PathOf(name), _errors) : null;

    public int? Int(string name, int min, int max, string example)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            Error(PathOf(name), $"Expected a whole number in [{min}, {max}], found {Show(value)}; e.g. {example}.");
            return null;
        }

        return number;
    }

    /// <summary>A number in (exclusiveMin, max].</summary>
    public double? Number(string name, double exclusiveMin, double max, string example, bool allowMin = false)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number)
            || number < exclusiveMin || (number == exclusiveMin && !allowMin) || number > max)
        {
            var low = allowMin ? "[" : "(";
            Error(PathOf(name), $"Expected a number in {low}{exclusiveMin.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}], found {Show(value)}; e.g. {example}.");
            return null;
        }

        return number;
    }

    public bool? Bool(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(PathOf(name), $"Expected true or false, found {Show(value)}.");
            return null;
        }

        return value.GetBoolean();
    }

    public string? String(string name, string example)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(PathOf(name), $"Expected a string, found {Show(value)}; e.g. {example}.");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A local wall-clock time spelled <c>HH:mm</c>.</summary>
    public TimeOnly? Time(string name)
    {
        var text = String(name, "\"09:00\"");
        if (text is null)
        {
            return null;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Error(PathOf(name), $"Expected a local time as HH:mm, found '{text}'; e.g. \"09:00\".");
            return null;
        }

        return time;
    }

    /// <summary>Each element of an array property with its path; reports a non-array.</summary>
    public IEnumerable<(JsonElement Element, string Path)> Array(string name, string example)
    {
        if (Get(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(PathOf(name), $"Expected an array, found {Show(value)}; e.g. {example}.");
            return [];
        }

        return value.EnumerateArray().Select((item, index) => (item, $"{PathOf(name)}[{index}]")).ToList();
    }

    /// <summary>The strings of an array property with their paths; reports non-strings.</summary>
    public IEnumerable<(string Text, string Path)> Strings(string name, string example)
    {
        var result = new List<(string, string)>();
        foreach (var (item, path) in Array(name, example))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add((item.GetString()!, path));
            }
            else
            {
                Error(path, $"Expected a string, found {Show(item)}; e.g. {example}.");
            }
        }

        return result;
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.String => $"\"{Truncate(value.GetString()!)}\"",
        _ => Describe(value),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
