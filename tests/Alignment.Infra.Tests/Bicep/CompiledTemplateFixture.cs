using System.Text.Json.Nodes;
using Alignment.TestKit.Paths;

namespace Alignment.Infra.Tests.Bicep;

/// <summary>Compiles <c>infra/main.bicep</c> once per test class (<c>bicep build --stdout</c>, nothing written to disk).</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    internal BicepResult Build { get; private set; } = new(-1, "", "");

    /// <summary>The ARM JSON, or null when the build failed.</summary>
    public JsonObject? Template { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Build = await BicepCli.RunAsync(["build", Path.Combine("infra", "main.bicep"), "--stdout"], RepoPaths.RepoRoot, CancellationToken.None);
        if (Build.ExitCode == 0)
        {
            Template = JsonNode.Parse(Build.StandardOutput)?.AsObject();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The template or a failed assertion naming the build output.</summary>
    public JsonObject RequireTemplate() =>
        Template ?? throw new Xunit.Sdk.XunitException("infra/main.bicep did not compile: " + Build.Describe());
}
