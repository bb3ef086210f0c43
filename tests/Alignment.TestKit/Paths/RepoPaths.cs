namespace Alignment.TestKit.Paths;

/// <summary>Locates the repository (the folder holding <c>Alignment.sln</c>) and the shared/ folder beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of the repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Absolute path of <c>../shared/crm-api</c> next to the repository; it may not exist (a user's clone).</summary>
    public static string SharedCrmApi => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "crm-api"));

    /// <summary>A path under the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alignment.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (no Alignment.sln above " + AppContext.BaseDirectory + ").");
    }
}
