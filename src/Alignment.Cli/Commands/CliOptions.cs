using System.CommandLine;
using System.Globalization;

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

    /// <summary>
    /// Adds a range check to an integer option. It checks only a value that parsed: a non-number is reported by the
    /// parser itself (reading the value in a validator would throw then).
    /// </summary>
    public static void AddRange<T>(Option<T> option, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0
                && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && (value < min || value > max))
            {
                result.AddError(max == int.MaxValue
                    ? string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {min}.")
                    : string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be {min}-{max}."));
            }
        });
    }
}
