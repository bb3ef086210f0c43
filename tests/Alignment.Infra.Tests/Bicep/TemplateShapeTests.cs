using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Alignment.Infra.Tests.Bicep;

/// <summary>What the compiled template deploys: Flex Consumption, identity everywhere, no keys, least privilege.</summary>
public sealed partial class TemplateShapeTests(CompiledTemplateFixture compiled) : IClassFixture<CompiledTemplateFixture>
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4d42-bf25-1e8c6ad3f2ce";
    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    [Fact]
    public void Plan_Sku_IsFlexConsumption()
    {
        var plan = Assert.Single(ArmResources.OfType(compiled.RequireTemplate(), "Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        Assert.True((bool?)plan["properties"]?["reserved"]);
    }

    [Fact]
    public void FunctionApp_Config_RunsDotnetIsolated10FromIdentityDeploymentStorage()
    {
        var app = Assert.Single(ArmResources.OfType(compiled.RequireTemplate(), "Microsoft.Web/sites"));
        var config = app["properties"]?["functionAppConfig"];

        Assert.Equal("SystemAssigned", (string?)app["identity"]?["type"]);
        Assert.Equal("dotnet-isolated", (string?)config?["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config?["runtime"]?["version"]);
        Assert.Equal("blobContainer", (string?)config?["deployment"]?["storage"]?["type"]);
        Assert.Equal("SystemAssignedIdentity", (string?)config?["deployment"]?["storage"]?["authentication"]?["type"]);
        Assert.NotNull(config?["scaleAndConcurrency"]?["instanceMemoryMB"]);
        Assert.NotNull(config?["scaleAndConcurrency"]?["maximumInstanceCount"]);
        Assert.True((bool?)app["properties"]?["httpsOnly"]);
    }

    [Fact]
    public void StorageAccount_SharedKeyAccess_IsDisabled()
    {
        var account = Assert.Single(ArmResources.OfType(compiled.RequireTemplate(), "Microsoft.Storage/storageAccounts"));

        Assert.False((bool?)account["properties"]?["allowSharedKeyAccess"]);
        Assert.False((bool?)account["properties"]?["allowBlobPublicAccess"]);
    }

    [Fact]
    public void Template_HostStorageAndSecrets_UseNoKeys()
    {
        var text = compiled.Build.StandardOutput;

        Assert.Contains("AzureWebJobsStorage__accountName", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyVault_Authorization_IsRbac()
    {
        var vault = Assert.Single(ArmResources.OfType(compiled.RequireTemplate(), "Microsoft.KeyVault/vaults"));

        Assert.True((bool?)vault["properties"]?["enableRbacAuthorization"]);
        Assert.Null(vault["properties"]?["accessPolicies"]);
    }

    [Fact]
    public void ApplicationInsights_LocalAuth_IsDisabledAndWorkspaceBased()
    {
        var component = Assert.Single(ArmResources.OfType(compiled.RequireTemplate(), "Microsoft.Insights/components"));

        Assert.True((bool?)component["properties"]?["DisableLocalAuth"]);
        Assert.NotNull(component["properties"]?["WorkspaceResourceId"]);
        Assert.Single(ArmResources.OfType(compiled.RequireTemplate(), "Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void RoleAssignments_Roles_AreExactlyTheLeastPrivilegeSet()
    {
        var roles = ArmResources.WithTemplates(compiled.RequireTemplate())
            .Where(p => (string?)p.Resource["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(p => RoleGuid((string?)p.Resource["properties"]?["roleDefinitionId"] ?? "", p.Template))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageTableDataContributor, StorageQueueDataContributor, KeyVaultSecretsUser, MonitoringMetricsPublisher }.Order(StringComparer.Ordinal),
            roles);
        Assert.DoesNotContain(Owner, roles);
        Assert.DoesNotContain(Contributor, roles);
    }

    [Fact]
    public void PartitionQueue_IsDeployedAndNamedAsTheTriggerReadsIt()
    {
        var queue = Assert.Single(ArmResources.OfType(compiled.RequireTemplate(), "Microsoft.Storage/storageAccounts/queueServices/queues"));

        Assert.Contains("alignment-partitions", (string?)queue["name"], StringComparison.Ordinal); // IPartitionQueue.QueueName
        Assert.Contains("Alignment__State__QueueServiceUri", compiled.Build.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alignment__Salesforce__PrivateKeyPem")]
    [InlineData("Alignment__Salesforce__FlowSecret")]
    [InlineData("Alignment__HubSpot__AccessToken")]
    [InlineData("Alignment__HubSpot__ClientSecret")]
    [InlineData("Alignment__Slack__WebhookUrl")]
    [InlineData("Alignment__Slack__BotToken")]
    public void SecretSetting_Value_IsKeyVaultReference(string setting)
    {
        var text = compiled.Build.StandardOutput;
        var pattern = new Regex("'" + Regex.Escape(setting) + @"',\s*format\('@Microsoft\.KeyVault\(SecretUri=\{0\}\{1\}\)'", RegexOptions.None, TimeSpan.FromSeconds(5));

        Assert.Contains(setting, text, StringComparison.Ordinal);
        Assert.Matches(pattern, text);
    }

    // The id is either a literal GUID in the expression or a property of a variable object: variables('roleIds').name.
    private static string RoleGuid(string roleDefinitionId, JsonObject template)
    {
        var literal = GuidPattern().Match(roleDefinitionId);
        if (literal.Success)
        {
            return literal.Value;
        }

        var reference = VariableReference().Match(roleDefinitionId);
        var resolved = reference.Success ? (string?)template["variables"]?[reference.Groups[1].Value]?[reference.Groups[2].Value] : null;
        return resolved ?? roleDefinitionId;
    }

    [GeneratedRegex(@"variables\('(\w+)'\)\.(\w+)")]
    private static partial Regex VariableReference();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
