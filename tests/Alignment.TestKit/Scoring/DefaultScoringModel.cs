using Alignment.Core.Model;
using Alignment.TestKit.Paths;

namespace Alignment.TestKit.Scoring;

/// <summary>The shipped model file <c>config/scoring.json</c>, read and validated once.</summary>
public static class DefaultScoringModel
{
    private static readonly Lazy<AlignmentModel> Model = new(Load);

    /// <summary>Absolute path of <c>config/scoring.json</c>.</summary>
    public static string FilePath => RepoPaths.InRepo("config", "scoring.json");

    /// <summary>The default model; throws when the shipped file is invalid.</summary>
    public static AlignmentModel Value => Model.Value;

    /// <summary>The text of the shipped file.</summary>
    public static string Json => File.ReadAllText(FilePath);

    private static AlignmentModel Load()
    {
        var result = ModelFileReader.Read(Json);
        return result.Model ?? throw new InvalidOperationException("config/scoring.json is invalid: " + string.Join("; ", result.Errors));
    }
}
