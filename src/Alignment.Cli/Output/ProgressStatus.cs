using Spectre.Console;

namespace Alignment.Cli.Output;

/// <summary>A spinner with the elapsed time while a long call runs (only on an interactive terminal).</summary>
internal static class ProgressStatus
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string what, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work().ConfigureAwait(false);
        }

        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync(what, _ => work()).ConfigureAwait(false);
    }
}
