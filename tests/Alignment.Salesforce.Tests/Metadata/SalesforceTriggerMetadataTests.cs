using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Webhooks;
using Alignment.Sync.Crm;
using Alignment.TestKit.Paths;

namespace Alignment.Salesforce.Tests.Metadata;

/// <summary>
/// The trigger side of real time in <c>infra/salesforce</c> (docs/salesforce.md, "Near-real-time triggers"): it
/// converts cleanly with Salesforce's own source tooling, the outbound message, the flows and the Apex action point at
/// each other and at the connector's webhook route, the account flow never fires on the connector's own writes, and the
/// Apex signer computes what the connector's parser checks (the same header names, the same test vector).
/// </summary>
public sealed partial class SalesforceTriggerMetadataTests
{
    private static readonly string Default = SalesforceMetadataSource.DefaultDirectory;
    private static readonly XNamespace Ns = SalesforceMetadataSource.Ns;

    [Fact]
    public async Task SourceTooling_ConvertsTheProjectToMetadataFormat_WithEveryComponent()
    {
        var tool = RepoPaths.InRepo("tools", "salesforce", "convert.mjs");
        Assert.True(Directory.Exists(RepoPaths.InRepo("tools", "salesforce", "node_modules", "@salesforce", "source-deploy-retrieve")),
            "Salesforce's source tooling is not installed in tools/salesforce/node_modules: run ./test.sh, which installs it, or npm ci --prefix tools/salesforce.");
        var output = Directory.CreateTempSubdirectory("alignment-sf-convert-");
        try
        {
            var start = new ProcessStartInfo("node", [tool, Path.Combine(SalesforceMetadataSource.ProjectDirectory, "force-app"), output.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, "The source tooling refused the project: " + await stderr);
            using var result = JsonDocument.Parse(await stdout);
            var components = result.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetString()!).ToList();
            Assert.Superset(
                new HashSet<string>(
                [
                    "Workflow:Account", "Flow:Alignment_Account_Changed", "Flow:Alignment_Activity_Logged",
                    "ApexClass:AlignmentRescore", "ApexClass:AlignmentCallout", "ApexClass:AlignmentCalloutTest",
                    "NamedCredential:Alignment_Functions", "CustomObject:Alignment_Callout__mdt", "PermissionSet:Alignment_Integration",
                    "ReportType:Alignment_Accounts", "ReportFolder:Alignment", "Report:Alignment/Alignment_Tier1_By_SLA_Status",
                    "Report:Alignment/Alignment_Breaches_This_Week_By_Owner", "Report:Alignment/Alignment_Handoffs_By_Rule",
                    "Report:Alignment/Alignment_Awaiting_Tier_Confirmation", "DashboardFolder:Alignment", "Dashboard:Alignment/Alignment_Scoreboard",
                ]),
                components.ToHashSet());
            Assert.Equal(SalesforceMetadataSource.FieldFiles().Count, components.Count(c => c.StartsWith("CustomField:Account.", StringComparison.Ordinal)));
            var package = XDocument.Load(Path.Combine(output.FullName, "package.xml"));
            Assert.Contains(package.Descendants(Ns + "name"), n => n.Value == "Flow");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void OutboundMessage_PostsTheAccountIdToTheWebhookRoute_WithoutASessionId()
    {
        var message = Workflow().Descendants(Ns + "outboundMessages").Single();

        Assert.Equal("Alignment_Account_Changed", Text(message, "fullName"));
        Assert.Equal("/api/webhooks/salesforce", new Uri(Text(message, "endpointUrl")).AbsolutePath);
        Assert.StartsWith("https://", Text(message, "endpointUrl"), StringComparison.Ordinal);
        Assert.Contains("Id", message.Elements(Ns + "fields").Select(f => f.Value));
        Assert.Equal("false", Text(message, "includeSessionId"));
    }

    [Fact]
    public void AccountFlow_SendsTheOutboundMessageAfterSave_OnlyForFieldsThatAreNotTheConnectors()
    {
        var flow = Flow("Alignment_Account_Changed");
        var start = flow.Element(Ns + "start")!;
        var action = flow.Elements(Ns + "actionCalls").Single();
        var message = Workflow().Descendants(Ns + "outboundMessages").Single();

        Assert.Equal(("Account", "RecordAfterSave", "CreateAndUpdate"), (Text(start, "object"), Text(start, "triggerType"), Text(start, "recordTriggerType")));
        Assert.Equal(("outboundMessage", "Account." + Text(message, "fullName")), (Text(action, "actionType"), Text(action, "actionName")));
        Assert.Equal("Active", Text(flow, "status"));

        // An echo loop is impossible: no field the connector writes is in the entry condition; a rep's fields are.
        var watched = ChangedField().Matches(Text(start, "filterFormula")).Select(m => m.Groups["field"].Value).ToHashSet(StringComparer.Ordinal);
        var fields = new SalesforceFieldMap();
        Assert.All(Enum.GetValues<AlignmentField>().Where(f => !AlignmentFields.IsHumans(f)), f => Assert.DoesNotContain(fields.NameOf(f), watched));
        Assert.All(Enum.GetValues<AlignmentField>().Where(AlignmentFields.IsHumans), f => Assert.Contains(fields.NameOf(f), watched));
        Assert.Contains(fields.Technologies, watched);
    }

    [Fact]
    public void ActivityFlow_CallsTheInvocableApexWithTheTasksAccount()
    {
        var flow = Flow("Alignment_Activity_Logged");
        var start = flow.Element(Ns + "start")!;
        var action = flow.Elements(Ns + "actionCalls").Single();
        var apex = Apex(Text(action, "actionName"));
        var parameter = action.Elements(Ns + "inputParameters").Single();

        Assert.Equal(("Task", "RecordAfterSave", "Create"), (Text(start, "object"), Text(start, "triggerType"), Text(start, "recordTriggerType")));
        Assert.Equal("apex", Text(action, "actionType"));
        Assert.Contains("@InvocableMethod", apex, StringComparison.Ordinal);
        Assert.Matches(@"@InvocableVariable\([^)]*\)\s+public Id " + Regex.Escape(Text(parameter, "name")) + ";", apex);
        Assert.Equal("$Record.AccountId", parameter.Descendants(Ns + "elementReference").Single().Value);
    }

    [Fact]
    public void ApexSigner_UsesTheConnectorsHeadersRouteAndNamedCredential()
    {
        var callout = Apex("AlignmentCallout");

        Assert.Contains($"SIGNATURE_HEADER = '{SalesforceWebhookParser.SignatureHeader}'", callout, StringComparison.Ordinal);
        Assert.Contains($"TIMESTAMP_HEADER = '{SalesforceWebhookParser.TimestampHeader}'", callout, StringComparison.Ordinal);
        Assert.Contains("ROUTE = '/api/webhooks/salesforce'", callout, StringComparison.Ordinal);
        Assert.Contains("'callout:Alignment_Functions'", callout, StringComparison.Ordinal);
        Assert.Contains("Blob.valueOf(timestamp + '.' + body)", callout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Default, "namedCredentials", "Alignment_Functions.namedCredential-meta.xml")));
        foreach (var field in new[] { "Flow_Secret__c", "Function_Key__c" })
        {
            Assert.Contains("settings." + field, callout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Default, "objects", "Alignment_Callout__mdt", "fields", field + ".field-meta.xml")), field);
        }
    }

    [Fact]
    public void ApexTestVector_IsWhatTheConnectorAccepts()
    {
        // The vector the Apex test class asserts for sign('secret', '1700000000', '{}') must be the connector's signature.
        var vector = ApexVector().Match(Apex("AlignmentCalloutTest"));
        Assert.True(vector.Success, "AlignmentCalloutTest has no sign() test vector.");
        var body = Encoding.UTF8.GetBytes("{}");

        var expected = "sha256=" + Convert.ToHexStringLower(SalesforceWebhookParser.Sign("secret", "1700000000", body));

        Assert.Equal(expected, vector.Groups["signature"].Value);
        Assert.True(SalesforceWebhookParser.SignatureMatches(vector.Groups["signature"].Value, "secret", "1700000000", body));
    }

    private static XElement Workflow() => XDocument.Load(Path.Combine(Default, "workflows", "Account.workflow-meta.xml")).Root!;

    private static XElement Flow(string name) => XDocument.Load(Path.Combine(Default, "flows", name + ".flow-meta.xml")).Root!;

    private static string Apex(string name) => File.ReadAllText(Path.Combine(Default, "classes", name + ".cls"));

    private static string Text(XElement element, string name) =>
        element.Element(Ns + name)?.Value ?? throw new InvalidOperationException($"<{element.Name.LocalName}> has no <{name}>.");

    [GeneratedRegex(@"ISCHANGED\(\{!\$Record\.(?<field>[A-Za-z0-9_]+)\}\)")]
    private static partial Regex ChangedField();

    [GeneratedRegex(@"'(?<signature>sha256=[0-9a-f]{64})', AlignmentCallout\.sign\('secret', '1700000000', '\{\}'\)")]
    private static partial Regex ApexVector();
}
