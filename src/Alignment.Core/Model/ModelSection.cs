using System.Globalization;
using System.Text.Json;

namespace Alignment.Core.Model;

/// <summary>
/// One JSON object of the model file being read: the one way every section reader (fit, intent, engagement, tiers,
/// handoff, sla) reads its settings. Opening a section checks that it is an object, reports duplicate, unknown and
/// missing required members; the typed reads report a bad value with the JSON path of the entry and an example, into
/// the <see cref="JsonReadContext"/> that collects every problem of the file (docs/scoring-model.md, "Errors").
/// A read returns null when the member is absent or its value was reported; the reader decides what absent means.
/// </summary>
internal sealed class ModelSection
{
    private ModelSection(JsonReadContext context, JsonElement element, string path)
    {
        Context = context;
        Element = element;
        Path = path;
    }

    public JsonReadContext Context { get; }

    public JsonElement Element { get; }

    public string Path { get; }

    /// <summary>
    /// The object at <paramref name="path"/> with the members <paramref name="allowed"/> (null: any member) and the
    /// <paramref name="required"/> ones (each with an example); null, with the problem reported, when it is not an object.
    /// Unknown, duplicate and missing members are reported but the section is still returned, so its values are checked too.
    /// </summary>
    public static ModelSection? Open(JsonReadContext context, JsonElement element, string path, string[]? allowed, params (string Name, string Example)[] required) =>
        context.CheckObject(element, path, allowed, required) ? new ModelSection(context, element, path) : null;

    /// <summary>
    /// Reports members not in <paramref name="allowed"/> (null: any member) and missing <paramref name="required"/> ones, for a section
    /// whose members depend on one of its values (a deadline's <c>rule</c>, say).
    /// </summary>
    public void Expect(string[]? allowed, params (string Name, string Example)[] required) =>
        Context.CheckObject(Element, Path, allowed, duplicates: false, required);

    public string PathOf(string name) => JsonReadContext.Child(Path, name);

    public void Error(string path, string message) => Context.Error(path, message);

    /// <summary>Whether the member is present (JSON null counts as absent).</summary>
    public bool Has(string name) => Get(name) is not null;

    /// <summary>The member's value, or null when absent or JSON null.</summary>
    public JsonElement? Get(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A nested object (an array element, say) reporting into the same context.</summary>
    public ModelSection? Child(JsonElement element, string path, string[]? allowed, params (string Name, string Example)[] required) =>
        Open(Context, element, path, allowed, required);

    /// <summary>The object member <paramref name="name"/>, or null when absent or not an object (reported).</summary>
    public ModelSection? Object(string name, string[]? allowed, params (string Name, string Example)[] required) =>
        Get(name) is { } value ? Open(Context, value, PathOf(name), allowed, required) : null;

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int? Int(string name, int min, int max, string example)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            Error(PathOf(name), $"expected a whole number in [{min}, {max}], found {JsonReadContext.Show(value)}; e.g. {example}.");
            return null;
        }

        return number;
    }

    /// <summary>Any finite number.</summary>
    public double? Number(string name, string example) =>
        Get(name) is { } value && Context.TryGetNumber(value, PathOf(name), out var number, example) ? number : null;

    /// <summary>A number in (<paramref name="min"/>, <paramref name="max"/>], or [min, max] when <paramref name="allowMin"/>.</summary>
    public double? Number(string name, double min, double max, string example, bool allowMin = false)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number)
            || number < min || (number == min && !allowMin) || number > max)
        {
            var low = allowMin ? "[" : "(";
            Error(PathOf(name), $"expected a number in {low}{Format(min)}, {Format(max)}], found {JsonReadContext.Show(value)}; e.g. {example}.");
            return null;
        }

        return number;
    }

    public bool? Bool(string name) =>
        Get(name) is { } value && Context.TryGetBoolean(value, PathOf(name), out var flag) ? flag : null;

    /// <summary>A non-empty string.</summary>
    public string? String(string name, string example) =>
        Get(name) is { } value ? Text(value, PathOf(name), example) : null;

    /// <summary>A non-empty string element (an array item, say) at <paramref name="path"/>.</summary>
    public string? Text(JsonElement value, string path, string example) =>
        Context.TryGetString(value, path, out var text, example: example) ? text : null;

    /// <summary>A local wall-clock time spelled <c>HH:mm</c>.</summary>
    public TimeOnly? Time(string name, string example)
    {
        var text = String(name, example);
        if (text is null)
        {
            return null;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Error(PathOf(name), $"expected a local time as HH:mm, found '{text}'; e.g. {example}.");
            return null;
        }

        return time;
    }

    /// <summary>
    /// Each element of an array member with its path; a non-array, and an empty array when <paramref name="nonEmpty"/>,
    /// are reported (with <paramref name="example"/>).
    /// </summary>
    public IReadOnlyList<(JsonElement Element, string Path)> Array(string name, string example, bool nonEmpty = false)
    {
        if (Get(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || (nonEmpty && value.GetArrayLength() == 0))
        {
            var what = nonEmpty ? "a non-empty array [ ... ]" : "an array [ ... ]";
            Error(PathOf(name), $"expected {what}, found {(value.ValueKind == JsonValueKind.Array ? "an empty one" : JsonReadContext.KindOf(value.ValueKind))}; e.g. {example}.");
            return [];
        }

        var path = PathOf(name);
        return [.. value.EnumerateArray().Select((item, index) => (item, JsonReadContext.Index(path, index)))];
    }

    /// <summary>The strings of an array member with their paths; non-strings and empty strings are reported.</summary>
    public IReadOnlyList<(string Text, string Path)> Strings(string name, string example, bool nonEmpty = false)
    {
        var result = new List<(string, string)>();
        foreach (var (item, path) in Array(name, example, nonEmpty))
        {
            if (Text(item, path, example) is { } text)
            {
                result.Add((text, path));
            }
        }

        return result;
    }

    /// <summary>The value of a string member that must be one of <paramref name="names"/> (case-sensitive).</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> names, string what)
    {
        var text = String(name, $"\"{names.First()}\"");
        return text is null ? null : OneOf(text, PathOf(name), names, what);
    }

    /// <summary><paramref name="text"/> when it is one of <paramref name="names"/>; otherwise reported at <paramref name="path"/>.</summary>
    public string? OneOf(string text, string path, IReadOnlyCollection<string> names, string what)
    {
        if (names.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        Error(path, $"unknown {what} '{text}'; expected one of: {string.Join(", ", names)} (case-sensitive).");
        return null;
    }

    internal static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
