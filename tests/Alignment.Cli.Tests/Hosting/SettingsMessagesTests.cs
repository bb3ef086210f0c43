using System.CommandLine;
using Alignment.Cli.Commands;
using Alignment.Cli.Tests.Evaluate;

namespace Alignment.Cli.Tests.Hosting;

/// <summary>A settings file or model file an admin got wrong is reported by name (and line and column), exit code 2.</summary>
public sealed class SettingsMessagesTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("plan")]
    [InlineData("serve")]
    public async Task Command_MissingSettingsFile_NamesTheFile(string verb)
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "local.settings.json");

        var (exit, stderr) = await RunAsync(verb, "--settings", path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"The settings file '{path}' does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_SettingsFileWithBrokenJson_NamesTheFileLineAndColumn()
    {
        var path = _files.Write("broken.settings.json", "{\n  \"Values\": {\n    \"Alignment__Crm\": \"HubSpot\"\n    \"Alignment__X\": 1\n  }\n}");

        var (exit, stderr) = await RunAsync("plan", "--settings", path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"The settings file '{path}' is not valid JSON at line 4, column 5", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_SettingsFileThatIsAFolder_NamesIt()
    {
        var folder = Path.GetDirectoryName(_files.Write("x.txt", ""))!;

        var (exit, stderr) = await RunAsync("plan", "--settings", folder);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"'{folder}'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_ModelFileWithBrokenJson_NamesTheSettingTheFileLineAndColumn()
    {
        var model = _files.Write("scoring.json", "{\n  \"version\": \"x\"\n  \"weights\": {}\n}");
        var settings = _files.Write("local.settings.json", $$"""
            {"Values": {
              "Alignment__Crm": "HubSpot",
              "Alignment__HubSpot__AccessToken": "pat-test",
              "Alignment__HubSpot__ClientSecret": "secret",
              "Alignment__State__ConnectionString": "UseDevelopmentStorage=true",
              "Alignment__Slack__Mode": "Webhook",
              "Alignment__Slack__WebhookUrl": "https://hooks.slack.com/services/T000/B000/XXXX",
              "Alignment__Sync__ModelPath": {{System.Text.Json.JsonSerializer.Serialize(model)}}
            }
            }
            """);

        var (exit, stderr) = await RunAsync("plan", "--settings", settings);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Alignment:Sync:ModelPath", stderr, StringComparison.Ordinal);
        Assert.Contains(model, stderr, StringComparison.Ordinal);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandCatalog.InvokeAsync(args, new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return (exit, stderr.ToString());
    }
}
