using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alignment.Cli.Output;

/// <summary>How <c>--json</c> output is written: camelCase, enums as names, ISO-8601 instants, indented.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteAsync<T>(TextWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(JsonSerializer.Serialize(value, Options)).ConfigureAwait(false);
    }
}
