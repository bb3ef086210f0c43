namespace Alignment.TestKit.Paths;

/// <summary>
/// Reads the recorded fixtures, official specs and signature vectors from <c>../shared/crm-api/</c>. They are never
/// copied into the project; where the folder is absent (a user's clone) the calling test is skipped with a message.
/// CI always has the folder.
/// </summary>
public static class SharedFixtures
{
    /// <summary>Absolute path of a file under <c>shared/crm-api</c>; skips the current test when it is absent.</summary>
    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(RepoPaths.SharedCrmApi, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            var reason = Directory.Exists(RepoPaths.SharedCrmApi)
                ? $"shared/crm-api/{relativePath} is missing."
                : "shared/crm-api is not next to this clone (it holds the recorded CRM fixtures); skipping this contract test.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException(reason + " CI must have shared/ beside the clone.");
            }

            Assert.Skip(reason);
        }

        return path;
    }

    /// <summary>The text of a file under <c>shared/crm-api</c>; skips the current test when it is absent.</summary>
    public static string ReadText(string relativePath) => File.ReadAllText(PathOf(relativePath));
}
