namespace Alignment.Cli.Sandbox;

/// <summary>Finds the clone's root (the folder holding <c>tools/azurite/package.json</c>) from the working directory or the app.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "tools", "azurite", "package.json")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
