namespace Alignment.Benchmarks;

/// <summary>Where the repository is, for the commands that need its tools (Azurite) or its model file.</summary>
internal static class BenchPaths
{
    /// <summary>The directory holding <c>Alignment.sln</c>, from the bench's binaries or the working directory; null outside a clone.</summary>
    public static string? FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Alignment.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
