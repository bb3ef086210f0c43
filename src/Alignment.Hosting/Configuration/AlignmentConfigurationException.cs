namespace Alignment.Hosting.Configuration;

/// <summary>The configuration is incomplete or malformed; <see cref="Problems"/> lists every problem found at once.</summary>
public sealed class AlignmentConfigurationException : Exception
{
    public AlignmentConfigurationException()
        : this([])
    {
    }

    public AlignmentConfigurationException(string message)
        : base(message)
    {
        Problems = [];
    }

    public AlignmentConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public AlignmentConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ConfigurationProblem> problems)
    {
        var lines = problems.Select(p => "  - " + p);
        var count = problems.Count == 1 ? "1 setting needs" : $"{problems.Count} settings need";
        return $"Alignment configuration is invalid: {count} attention (see docs/configuration.md):{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines);
    }
}
