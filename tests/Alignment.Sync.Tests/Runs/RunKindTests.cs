using System.Text.Json;
using Alignment.Sync.Runs;
using Alignment.Sync.Scoring;

namespace Alignment.Sync.Tests.Runs;

public sealed class RunKindTests
{
    [Fact]
    public void Names_AreTheStoredOnes_AndParseBack()
    {
        Assert.Equal(
            ["scoring", "full-rescore", "sla-sweep", "inbox-drain", "calibration", "weekly-digest"],
            Enum.GetValues<RunKind>().Select(k => k.Name()));
        Assert.All(Enum.GetValues<RunKind>(), k => Assert.Equal(k, RunKinds.Parse(k.Name())));
        Assert.Null(RunKinds.Parse("FullRescore"));
        Assert.Null(RunKinds.Parse(null));
    }

    [Fact]
    public void Json_WritesAndReadsTheStoredName_EvenWithAStringEnumConverterInTheOptions()
    {
        var options = new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var result = new ScoringRunResult { RunId = "r", Kind = RunKind.FullRescore, Outcome = RunOutcome.Succeeded, ModelVersion = "v" };

        var json = JsonSerializer.Serialize(result, options);

        Assert.Contains("\"Kind\":\"full-rescore\"", json, StringComparison.Ordinal);
        Assert.Equal(RunKind.FullRescore, JsonSerializer.Deserialize<ScoringRunResult>(json, options)!.Kind);
    }
}
