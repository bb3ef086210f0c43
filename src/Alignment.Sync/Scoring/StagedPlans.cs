using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alignment.Sync.Crm;

namespace Alignment.Sync.Scoring;

/// <summary>
/// A partition's follow-ups (<see cref="PlanFollowUp"/>) staged on local disk as it is planned, one JSON line each:
/// read back as the writes of its one CRM write (<see cref="IStagedWrites"/>), then again for the history, the DMs and
/// the tier records of what the CRM took (docs/partitions.md, "A worker's memory"). The file is deleted on dispose.
/// </summary>
public sealed class StagedPlans : IStagedWrites, IAsyncDisposable
{
    private readonly string _path;
    private readonly HashSet<AlignmentField> _fields = [];
    private FileStream? _stream;

    private StagedPlans(string path, FileStream stream)
    {
        _path = path;
        _stream = stream;
    }

    public int Count { get; private set; }

    public IReadOnlySet<AlignmentField> Fields => _fields;

    /// <summary>An empty staging file in <paramref name="directory"/> (the system's temporary folder when null).</summary>
    public static StagedPlans Create(string? directory)
    {
        var folder = directory ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "alignment-plans-" + Guid.NewGuid().ToString("N") + ".jsonl");
        return new StagedPlans(path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536));
    }

    /// <summary>Appends a follow-up.</summary>
    public async Task AddAsync(PlanFollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var stream = _stream ?? throw new InvalidOperationException("The staged plans were already read; stage everything before reading.");
        await JsonSerializer.SerializeAsync(stream, followUp, StagedPlansJsonContext.Default.PlanFollowUp, cancellationToken).ConfigureAwait(false);
        stream.WriteByte((byte)'\n');
        _fields.UnionWith(followUp.Write.Fields);
        Count++;
    }

    /// <summary>The follow-ups in the order staged (staging ends at the first read).</summary>
    public async IAsyncEnumerable<PlanFollowUp> ReadFollowUpsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await CloseWritingAsync().ConfigureAwait(false);
        var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            yield return JsonSerializer.Deserialize(line, StagedPlansJsonContext.Default.PlanFollowUp)
                ?? throw new InvalidDataException("A staged plan of " + _path + " reads as null.");
        }
    }

    public IAsyncEnumerable<AccountWrite> ReadAsync(CancellationToken cancellationToken) =>
        ReadFollowUpsAsync(cancellationToken).Select(f => f.Write);

    public async ValueTask DisposeAsync()
    {
        await CloseWritingAsync().ConfigureAwait(false);
        File.Delete(_path);
    }

    private async ValueTask CloseWritingAsync()
    {
        if (_stream is { } writing)
        {
            _stream = null;
            await writing.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>The staged plans' JSON (enums by name, so that a file reads the same whatever the enums' order).</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FieldSetConverter)])]
[JsonSerializable(typeof(PlanFollowUp))]
internal sealed partial class StagedPlansJsonContext : JsonSerializerContext;

/// <summary>A write's fields as an array of their names (System.Text.Json cannot populate an <see cref="IReadOnlySet{T}"/>).</summary>
internal sealed class FieldSetConverter : JsonConverter<IReadOnlySet<AlignmentField>>
{
    public override IReadOnlySet<AlignmentField> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A staged write's fields must be an array of field names.");
        }

        var fields = new HashSet<AlignmentField>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            fields.Add(Enum.Parse<AlignmentField>(reader.GetString() ?? throw new JsonException("A staged write's field name is null.")));
        }

        return fields;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<AlignmentField> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var field in value)
        {
            writer.WriteStringValue(field.ToString());
        }

        writer.WriteEndArray();
    }
}
