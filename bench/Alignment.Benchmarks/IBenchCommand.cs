namespace Alignment.Benchmarks;

/// <summary>
/// A bench command that prints figures (API economy, load) rather than a BenchmarkDotNet suite. Found by reflection,
/// run as <c>dotnet run -c Release --project bench/Alignment.Benchmarks -- NAME [args]</c>.
/// </summary>
public interface IBenchCommand
{
    /// <summary>The command-line name, e.g. <c>salesforce-economy</c>.</summary>
    string Name { get; }

    /// <summary>One line for the list of commands.</summary>
    string Description { get; }

    /// <summary>Runs, prints its figures to standard output, returns the exit code.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
