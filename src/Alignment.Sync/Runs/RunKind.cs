using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alignment.Sync.Runs;

/// <summary>What a run did (the run ledger's <c>Kind</c>, run ids, telemetry): stored and shown by <see cref="RunKinds.Name"/>.</summary>
public enum RunKind
{
    /// <summary>An incremental scoring run (<c>scoring</c>).</summary>
    Scoring,

    /// <summary>The nightly full rescore, in one process or partitioned (<c>full-rescore</c>).</summary>
    FullRescore,

    /// <summary>The SLA sweep (<c>sla-sweep</c>).</summary>
    SlaSweep,

    /// <summary>The webhook inbox drain (<c>inbox-drain</c>).</summary>
    InboxDrain,

    /// <summary>The monthly calibration (<c>calibration</c>).</summary>
    Calibration,

    /// <summary>The weekly digest (<c>weekly-digest</c>).</summary>
    WeeklyDigest,
}

/// <summary>The names of <see cref="RunKind"/>s as the ledger, run ids and logs have always written them.</summary>
public static class RunKinds
{
    public static string Name(this RunKind kind) => kind switch
    {
        RunKind.Scoring => "scoring",
        RunKind.FullRescore => "full-rescore",
        RunKind.SlaSweep => "sla-sweep",
        RunKind.InboxDrain => "inbox-drain",
        RunKind.Calibration => "calibration",
        RunKind.WeeklyDigest => "weekly-digest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown run kind."),
    };

    /// <summary>The kind of a stored name; null for a name no release wrote.</summary>
    public static RunKind? Parse(string? name) =>
        Enum.GetValues<RunKind>().Cast<RunKind?>().FirstOrDefault(k => string.Equals(k!.Value.Name(), name, StringComparison.Ordinal));
}

/// <summary>Writes and reads a <see cref="RunKind"/> as its stored name (<c>"full-rescore"</c>) in JSON output.</summary>
public sealed class RunKindJsonConverter : JsonConverter<RunKind>
{
    public override RunKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RunKinds.Parse(reader.GetString()) ?? throw new JsonException($"'{reader.GetString()}' is not a run kind.");

    public override void Write(Utf8JsonWriter writer, RunKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name());
    }
}
