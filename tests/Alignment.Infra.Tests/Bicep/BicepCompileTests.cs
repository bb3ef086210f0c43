using Alignment.TestKit.Paths;

namespace Alignment.Infra.Tests.Bicep;

/// <summary>The templates compile and lint clean: any warning or error fails.</summary>
public sealed class BicepCompileTests(CompiledTemplateFixture compiled) : IClassFixture<CompiledTemplateFixture>
{
    public static TheoryData<string> BicepFiles()
    {
        var infra = RepoPaths.InRepo("infra");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.RepoRoot, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void Build_MainTemplate_CompilesWithoutDiagnostics()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.Describe());
        Assert.True(string.IsNullOrWhiteSpace(compiled.Build.StandardError), "bicep build reported diagnostics:" + Environment.NewLine + compiled.Build.StandardError);
        Assert.NotNull(compiled.RequireTemplate()["resources"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_BicepFile_ReportsNothing(string relativePath)
    {
        var result = await BicepCli.RunAsync(["lint", relativePath], RepoPaths.RepoRoot, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.True(
            string.IsNullOrWhiteSpace(result.StandardError) && string.IsNullOrWhiteSpace(result.StandardOutput),
            "bicep lint reported diagnostics:" + Environment.NewLine + result.StandardError + result.StandardOutput);
    }

    [Fact]
    public void BicepFiles_FoundUnderInfra_IncludeMainAndModules()
    {
        var files = BicepFiles().Select(row => row.Data).ToList();

        Assert.Contains("infra/main.bicep", files);
        Assert.Contains(files, f => f.StartsWith("infra/modules/", StringComparison.Ordinal));
    }
}
