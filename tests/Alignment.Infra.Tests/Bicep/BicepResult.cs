namespace Alignment.Infra.Tests.Bicep;

/// <summary>Exit code and output of one Bicep CLI run. Diagnostics (warnings and errors) go to standard error.</summary>
internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}{Environment.NewLine}{StandardError}{StandardOutput}";
}
