namespace Alignment.Hosting.Tests.Composition;

/// <summary>A complete, valid configuration per CRM (placeholder secrets, nothing reachable).</summary>
internal static class ValidSettings
{
    public static IReadOnlyList<KeyValuePair<string, string?>> For(string crm)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alignment:Crm"] = crm,
            ["Alignment:State:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Alignment:Slack:Mode"] = "Webhook",
            ["Alignment:Slack:WebhookUrl"] = "https://hooks.slack.com/services/T000/B000/XXXX",
        };
        return [.. settings];
    }
}
