using System.Security.Cryptography;

namespace Alignment.Hosting.Tests.Composition;

/// <summary>A complete, valid configuration per CRM (placeholder secrets, a throw-away key, nothing reachable).</summary>
internal static class ValidSettings
{
    private static readonly Lazy<string> Pem = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    public static IReadOnlyList<KeyValuePair<string, string?>> For(string crm)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alignment:Crm"] = crm,
            ["Alignment:State:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Alignment:Slack:Mode"] = "Webhook",
            ["Alignment:Slack:WebhookUrl"] = "https://hooks.slack.com/services/T000/B000/XXXX",
            ["Alignment:Sync:ModelPath"] = Alignment.TestKit.Paths.RepoPaths.InRepo("config", "scoring.json"),
        };
        if (crm == "Salesforce")
        {
            settings["Alignment:Salesforce:ClientId"] = "3MVG9-test-consumer-key";
            settings["Alignment:Salesforce:Username"] = "integration@example.com";
            settings["Alignment:Salesforce:PrivateKeyPem"] = Pem.Value;
            settings["Alignment:Salesforce:OrganizationId"] = "00D000000000000EAA";
            settings["Alignment:Salesforce:FlowSecret"] = "flow-secret-for-tests";
        }
        else
        {
            settings["Alignment:HubSpot:AccessToken"] = "pat-na1-test-token";
            settings["Alignment:HubSpot:ClientSecret"] = "hubspot-client-secret-for-tests";
        }

        return [.. settings];
    }
}
