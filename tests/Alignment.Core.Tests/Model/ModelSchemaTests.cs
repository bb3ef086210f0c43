using System.Text.Json;
using Alignment.Core.Model;
using Alignment.TestKit.Paths;
using Alignment.TestKit.Scoring;
using Json.Schema;

namespace Alignment.Core.Tests.Model;

/// <summary>
/// <c>config/scoring.schema.json</c> (what RevOps' editor validates and completes) agrees with the model reader: every
/// model file in the repository that names the schema in <c>"$schema"</c> is valid against it and read without error,
/// and each known-bad file under <c>ModelFiles/invalid</c> fails both, at the expected place.
/// </summary>
public sealed class ModelSchemaTests
{
    private static readonly string[] Skipped = [".git", "bin", "obj", "node_modules", ".artifacts"];

    private static readonly JsonDocumentOptions Comments = new() { CommentHandling = JsonCommentHandling.Skip };

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoPaths.InRepo("config", "scoring.schema.json"))));

    // Where the schema reports each known-bad file's problem (a JSON pointer into the file).
    private static readonly Dictionary<string, string> ExpectedProblemAt = new(StringComparer.Ordinal)
    {
        ["engagement-kind-in-intent.json"] = "/intent/points/MeetingBooked",
        ["handoff-match-without-signals.json"] = "/handoff/rules/0/match",
        ["handoff-salestouch-kind.json"] = "/handoff/rules/0/match/kinds/0",
        ["handoff-unknown-seniority.json"] = "/handoff/rules/0/match/minSeniority",
        ["missing-downgrade-margin.json"] = "/tiers",
        ["numeric-criterion-with-anyof.json"] = "/fit/criteria/0",
        ["sla-business-hours-deadline-without-hours.json"] = "/sla/deadlines/Tier2",
        ["sla-holiday-not-a-date.json"] = "/sla/holidays/0",
        ["sla-opening-time-not-hhmm.json"] = "/sla/hours/0/open",
        ["sla-unknown-deadline-rule.json"] = "/sla/deadlines/Tier2",
        ["text-criterion-without-points.json"] = "/fit/criteria/1",
        ["tier-threshold-as-text.json"] = "/tiers/Tier1",
        ["unknown-intent-kind.json"] = "/intent/points/WebVisits",
        ["unknown-top-level-setting.json"] = "",
        ["weight-above-one.json"] = "/weights/fit",
    };

    public static TheoryData<string> ValidModelFiles => [.. ModelFiles().Where(f => !IsKnownBad(f))];

    public static TheoryData<string> KnownBadModelFiles => [.. ModelFiles().Where(IsKnownBad).Select(f => Path.GetFileName(f))];

    [Fact]
    public void ModelFiles_Repository_FindsTheShippedFileTheTestFilesAndEveryKnownBadFile()
    {
        var files = ModelFiles();

        Assert.Contains(Path.Combine("config", "scoring.json"), files);
        Assert.True(files.Count(f => !IsKnownBad(f)) >= 4, string.Join(", ", files));
        Assert.Equal(ExpectedProblemAt.Keys.Order(StringComparer.Ordinal), files.Where(IsKnownBad).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ValidModelFiles))]
    public void Evaluate_ModelFileInTheRepository_IsValidAgainstTheSchema(string file)
    {
        var problems = SchemaProblems(file);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(ValidModelFiles))]
    public void Read_ModelFileInTheRepository_IsValid(string file)
    {
        var result = ModelFileReader.Read(File.ReadAllText(RepoPaths.InRepo(file)));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [MemberData(nameof(KnownBadModelFiles))]
    public void Evaluate_KnownBadModelFile_FailsWhereTheProblemIs(string name)
    {
        var problems = SchemaProblems(Invalid(name));

        Assert.NotEmpty(problems);
        var expected = ExpectedProblemAt[name];
        Assert.True(problems.Any(p => p.At == expected), $"expected a problem at '{expected}', got: {string.Join("; ", problems)}");
    }

    [Theory]
    [MemberData(nameof(KnownBadModelFiles))]
    public void Read_KnownBadModelFile_IsRejectedToo(string name)
    {
        var result = ModelFileReader.Read(File.ReadAllText(RepoPaths.InRepo(Invalid(name))));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Read_DollarSchema_IsIgnored()
    {
        var without = ModelJson.With(r => r.Remove("$schema"));
        var other = ModelJson.With(r => r["$schema"] = "https://example.invalid/any.json");

        var withoutModel = ModelFileReader.Read(without).Model;
        var otherModel = ModelFileReader.Read(other).Model;

        Assert.NotNull(withoutModel);
        Assert.NotNull(otherModel);
        Assert.Equivalent(DefaultScoringModel.Value, withoutModel, strict: true);
        Assert.Equivalent(DefaultScoringModel.Value, otherModel, strict: true);
    }

    private static List<(string At, string Problem)> SchemaProblems(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo(file)), Comments);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var problems = new List<(string At, string Problem)>();
        Collect(results, problems);
        return problems;
    }

    // The failures that make the file invalid: descend only into failed nodes (a failed branch of an anyOf, oneOf or
    // if that passed as a whole is not a problem).
    private static void Collect(EvaluationResults node, List<(string At, string Problem)> problems)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            problems.Add((node.InstanceLocation.ToString(), $"{node.InstanceLocation}: {keyword}: {message}"));
        }

        var children = (node.Details ?? []).Where(d => !d.IsValid).ToList();
        if (node.Errors is not { Count: > 0 } && children.Count == 0)
        {
            // Some keywords ('not', for one) fail without a message; the schema path says which rule it was.
            problems.Add((node.InstanceLocation.ToString(), $"{node.InstanceLocation}: fails {node.EvaluationPath}"));
        }

        foreach (var child in children)
        {
            Collect(child, problems);
        }
    }

    private static readonly string InvalidFolder = Path.Combine("tests", "Alignment.Core.Tests", "Model", "ModelFiles", "invalid");

    private static string Invalid(string name) => Path.Combine(InvalidFolder, name);

    private static bool IsKnownBad(string file) => file.StartsWith(InvalidFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Every JSON file in the repository whose <c>"$schema"</c> names the model file's schema (paths from the root).</summary>
    private static List<string> ModelFiles()
    {
        var root = RepoPaths.RepoRoot;
        var found = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var sub in Directory.EnumerateDirectories(directory))
            {
                if (!Skipped.Contains(Path.GetFileName(sub), StringComparer.Ordinal))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
            {
                if (NamesTheModelSchema(file))
                {
                    found.Add(Path.GetRelativePath(root, file));
                }
            }
        }

        return [.. found.Order(StringComparer.Ordinal)];
    }

    private static bool NamesTheModelSchema(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), Comments);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("$schema", out var schema)
                && schema.ValueKind == JsonValueKind.String
                && schema.GetString()!.EndsWith("scoring.schema.json", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
