using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Alignment.Cli.Composition;

/// <summary>
/// The configuration <c>alignment</c> runs with, lowest precedence first: the settings file (<c>--settings</c>, else
/// <c>local.settings.json</c> in the working directory when present), then environment variables
/// (<c>Alignment__Crm</c>), then values the command itself supplies (the sandbox's URLs). A settings file that is
/// missing, unreadable or not valid JSON is a <see cref="SettingsFileException"/> naming it.
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
            builder.AddInMemoryCollection(Read(path));
        }

        builder.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        return builder.Build();
    }

    /// <summary>The file's settings; a <see cref="SettingsFileException"/> naming the file (and line and column for bad JSON) otherwise.</summary>
    private static IReadOnlyDictionary<string, string?> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SettingsFileException($"The settings file '{path}' does not exist. Pass --settings with an existing file (see local.settings.sample.json), or leave --settings out to use ./{DefaultSettingsFile} when present.") { Path = path };
        }

        try
        {
            return LocalSettingsFile.Read(path);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}")
                : "";
            throw new SettingsFileException($"The settings file '{path}' is not valid JSON{at}: {Reason(e.Message)} Fix the syntax there.", e) { Path = path };
        }
        catch (InvalidDataException e)
        {
            throw new SettingsFileException($"The settings file '{path}' cannot be used: {e.Message}", e) { Path = path };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsFileException($"The settings file '{path}' cannot be read ({e.GetType().Name}): {e.Message} Check that it is a readable file.", e) { Path = path };
        }
    }

    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = cut < 0 ? message.IndexOf(" LineNumber:", StringComparison.Ordinal) : cut;
        return cut > 0 ? message[..cut] : message;
    }
}
