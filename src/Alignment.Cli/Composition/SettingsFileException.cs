namespace Alignment.Cli.Composition;

/// <summary>The settings file (<c>--settings</c> or <c>local.settings.json</c>) is missing, unreadable or not valid JSON; the message names the file.</summary>
internal sealed class SettingsFileException : Exception
{
    public SettingsFileException()
    {
    }

    public SettingsFileException(string message)
        : base(message)
    {
    }

    public SettingsFileException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The full path of the settings file.</summary>
    public string? Path { get; init; }
}
