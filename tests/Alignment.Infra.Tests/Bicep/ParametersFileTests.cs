using System.Text.Json.Nodes;
using Alignment.TestKit.Paths;

namespace Alignment.Infra.Tests.Bicep;

/// <summary><c>infra/main.parameters.json</c> deploys as-is: every required parameter set, nothing unknown, no secret.</summary>
public sealed class ParametersFileTests(CompiledTemplateFixture compiled) : IClassFixture<CompiledTemplateFixture>
{
    private static JsonObject ParameterValues()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("infra", "main.parameters.json")))!.AsObject();
        return file["parameters"]!.AsObject();
    }

    private JsonObject Declared() => compiled.RequireTemplate()["parameters"]!.AsObject();

    [Fact]
    public void ParametersFile_RequiredParameters_AreAllSet()
    {
        var values = ParameterValues();
        var required = Declared().Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key).ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.True(values.ContainsKey(name), $"infra/main.parameters.json does not set the required parameter '{name}'."));
    }

    [Fact]
    public void ParametersFile_Names_AreAllDeclared()
    {
        var declared = Declared();

        Assert.All(ParameterValues(), p => Assert.True(declared.ContainsKey(p.Key), $"infra/main.parameters.json sets '{p.Key}', which main.bicep does not declare."));
    }

    [Fact]
    public void ParametersFile_Values_AreAllowedAndOfTheDeclaredType()
    {
        var declared = Declared();
        foreach (var (name, entry) in ParameterValues())
        {
            var parameter = declared[name]!;
            var value = entry!["value"];
            Assert.NotNull(value);
            var type = ((string?)parameter["type"])?.ToLowerInvariant();
            Assert.True(
                type switch
                {
                    "string" => value.GetValueKind() == System.Text.Json.JsonValueKind.String,
                    "int" => value.GetValueKind() == System.Text.Json.JsonValueKind.Number,
                    "object" => value is JsonObject,
                    _ => true,
                },
                $"'{name}' should be a {type}.");
            if (parameter["allowedValues"] is JsonArray allowed)
            {
                Assert.Contains(allowed, a => JsonNode.DeepEquals(a, value));
            }
        }
    }

    [Fact]
    public void ParametersFile_SecureParameters_AreNeverSet()
    {
        var declared = Declared();
        var secure = declared.Where(p => ((string?)p.Value?["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true).Select(p => p.Key).ToList();

        Assert.NotEmpty(secure);
        Assert.All(secure, name => Assert.False(ParameterValues().ContainsKey(name), $"'{name}' is a secret: pass it on the command line or set it in Key Vault, never in the parameters file."));
    }
}
