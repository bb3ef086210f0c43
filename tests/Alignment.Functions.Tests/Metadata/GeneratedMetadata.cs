using System.Globalization;
using System.Text.Json.Nodes;

namespace Alignment.Functions.Tests.Metadata;

/// <summary>
/// Reads the <c>functions.metadata</c> that the worker SDK generated for the Functions project at build. The file is
/// copied beside the test assembly with the project reference (so it is the one of the configuration under test),
/// together with the <c>host.json</c> that sets the HTTP route prefix.
/// </summary>
public static class GeneratedMetadata
{
    public static string Directory => AppContext.BaseDirectory;

    /// <summary>The functions as the host will index them.</summary>
    public static IReadOnlyList<FunctionContract> ReadContracts()
    {
        var prefix = RoutePrefix();
        return [.. ReadEntries().Select(entry => ToContract(entry, prefix))];
    }

    /// <summary>Every entry of the file, as JSON.</summary>
    public static IReadOnlyList<JsonObject> ReadEntries()
    {
        var path = Path.Combine(Directory, "functions.metadata");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "functions.metadata is not beside the tests: build tests/Alignment.Functions.Tests (the worker SDK writes it when src/Alignment.Functions builds).",
                path);
        }

        var array = JsonNode.Parse(File.ReadAllText(path))?.AsArray() ?? throw new InvalidDataException("functions.metadata is not a JSON array.");
        return [.. array.Select(node => node!.AsObject())];
    }

    /// <summary><c>extensions.http.routePrefix</c> of the deployed <c>host.json</c> (the host's default is <c>api</c>).</summary>
    public static string RoutePrefix()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "host.json")));
        return (string?)host?["extensions"]?["http"]?["routePrefix"] ?? "api";
    }

    private static FunctionContract ToContract(JsonObject entry, string prefix)
    {
        var name = (string)entry["name"]!;
        var trigger = entry["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Single(b => ((string?)b["type"])?.EndsWith("Trigger", StringComparison.Ordinal) == true);
        return (string?)trigger["type"] switch
        {
            "httpTrigger" => FunctionContract.Http(
                name,
                string.Join(",", trigger["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant())),
                "/" + string.Join("/", new[] { prefix, (string?)trigger["route"] ?? name }.Where(s => s.Length > 0)),
                (string)trigger["authLevel"]!),
            "timerTrigger" => FunctionContract.Timer(name, SettingOf((string)trigger["schedule"]!), Retry(entry["retry"]?.AsObject())),
            "queueTrigger" when (string?)trigger["connection"] == "AzureWebJobsStorage" => FunctionContract.Queue(name, (string)trigger["queueName"]!),
            "queueTrigger" => throw new InvalidDataException($"Function {name} reads its queue through '{(string?)trigger["connection"]}', not the app's storage (AzureWebJobsStorage)."),
            var other => throw new InvalidDataException($"Function {name} has a trigger this test does not know: {other}."),
        };
    }

    /// <summary><c>%Alignment:Schedules:Score%</c> → <c>Alignment:Schedules:Score</c>; a literal schedule stays as it is.</summary>
    private static string SettingOf(string schedule) =>
        schedule.Length > 2 && schedule[0] == '%' && schedule[^1] == '%' ? schedule[1..^1] : "literal: " + schedule;

    private static string? Retry(JsonObject? retry) =>
        retry is null
            ? null
            : (string?)retry["strategy"] switch
            {
                "exponentialBackoff" => string.Create(
                    CultureInfo.InvariantCulture,
                    $"exponentialBackoff({(int)retry["maxRetryCount"]!}, {(string?)retry["minimumInterval"]}, {(string?)retry["maximumInterval"]})"),
                "fixedDelay" => string.Create(
                    CultureInfo.InvariantCulture,
                    $"fixedDelay({(int)retry["maxRetryCount"]!}, {(string?)retry["delayInterval"]})"),
                var other => "unknown strategy " + other,
            };
}
