using System.CommandLine;

namespace Alignment.Cli.Commands;

/// <summary>Options every verb accepts (declared once on the root, recursive).</summary>
internal static class CliOptions
{
    public static Option<FileInfo?> Settings { get; } = new("--settings")
    {
        Description = "Settings file: a local.settings.json (Values with Alignment__* keys) or nested JSON. Default: ./local.settings.json when present. Environment variables override it.",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log progress (to standard error).",
        Recursive = true,
    };

    /// <summary>A <c>--json</c> flag for verbs whose output a script reads.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on standard output (nothing else is printed there)." };
}
