using System.Collections.Concurrent;
using Alignment.Core.Model;

namespace Alignment.Sync.Settings;

/// <summary>
/// Reads the scoring model file once per path and keeps the result (a model, or its errors with JSON paths). A
/// relative path is looked up in the working directory, then in the app's directory.
/// </summary>
public sealed class AlignmentModelSource
{
    private readonly ConcurrentDictionary<string, Lazy<(string Path, ModelReadResult Result)>> _loaded = new(StringComparer.Ordinal);

    /// <summary>The model file's read result and the full path it was read from.</summary>
    public (string Path, ModelReadResult Result) Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return _loaded.GetOrAdd(path, p => new Lazy<(string, ModelReadResult)>(() => Read(p))).Value;
    }

    /// <summary>The validated model; throws listing every error when the file is missing or invalid.</summary>
    public AlignmentModel GetModel(string path)
    {
        var (fullPath, result) = Load(path);
        return result.Model ?? throw new InvalidOperationException(Describe(fullPath, result));
    }

    /// <summary>One line per problem, naming the setting, the file and the JSON path of each bad entry (malformed JSON: its line and column).</summary>
    public static string Describe(string fullPath, ModelReadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"The scoring model '{fullPath}' (named by {SyncOptions.SectionName}:{nameof(SyncOptions.ModelPath)}) is invalid; nothing is written with it:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", result.Errors.Select(e => e.ToString()));
    }

    private static (string, ModelReadResult) Read(string path)
    {
        var candidates = Path.IsPathRooted(path)
            ? [path]
            : new[] { Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path) };
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            return (candidates[0], ModelReadResult.Failure([new ModelError("$",
                $"The model file was not found (looked at {string.Join(", ", candidates)}). Set {SyncOptions.SectionName}:{nameof(SyncOptions.ModelPath)}, e.g. \"config/scoring.json\".")]));
        }

        string text;
        try
        {
            text = File.ReadAllText(found);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (found, ModelReadResult.Failure([new ModelError("$", $"The model file cannot be read ({e.GetType().Name}): {e.Message} Check {SyncOptions.SectionName}:{nameof(SyncOptions.ModelPath)} and the file's permissions.")]));
        }

        return (found, ModelFileReader.Read(text));
    }
}
