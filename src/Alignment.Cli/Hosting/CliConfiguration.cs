using Microsoft.Extensions.Configuration;

namespace Alignment.Cli.Hosting;

/// <summary>
/// The configuration <c>alignment</c> runs with, lowest precedence first: the settings file (<c>--settings</c>, else
/// <c>local.settings.json</c> in the working directory when present), then environment variables
/// (<c>Alignment__Crm</c>), then values the command itself supplies (the sandbox's URLs).
/// </summary>
internal static class CliConfiguration
{
    public const string DefaultSettingsFile = "local.settings.json";

    public static IConfiguration Build(FileInfo? settingsFile, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = new ConfigurationBuilder();
        var path = settingsFile?.FullName;
        if (path is null && File.Exists(DefaultSettingsFile))
        {
            path = Path.GetFullPath(DefaultSettingsFile);
        }

        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("The settings file does not exist.", path);
            }

            builder.AddInMemoryCollection(LocalSettingsFile.Read(path));
        }

        builder.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }
}
