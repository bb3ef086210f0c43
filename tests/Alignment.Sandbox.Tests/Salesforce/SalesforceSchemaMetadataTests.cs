using System.Xml.Linq;
using Alignment.Sandbox.Salesforce;
using Alignment.TestKit.Paths;

namespace Alignment.Sandbox.Tests.Salesforce;

/// <summary>The emulated org has the Account fields infra/salesforce deploys to a real org, with the same restricted picklists.</summary>
public sealed class SalesforceSchemaMetadataTests
{
    private static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    private static IEnumerable<XElement> DeployedFields() =>
        Directory.GetFiles(RepoPaths.InRepo("infra", "salesforce", "force-app", "main", "default", "objects", "Account", "fields"), "*.field-meta.xml")
            .Select(path => XDocument.Load(path).Root!);

    [Fact]
    public void Declare_EveryDeployedAccountField_IsAnEmulatedColumn()
    {
        var store = new SalesforceStore();
        SalesforceSchema.Declare(store, new SalesforceEmulatorOptions());

        var names = DeployedFields().Select(f => f.Element(Ns + "fullName")!.Value).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(store.HasColumn("Account", name), name + " is deployed but not emulated."));
    }

    [Fact]
    public void Picklists_EmulatedRestrictedValues_EqualTheDeployedValueSets()
    {
        var deployed = DeployedFields()
            .Where(f => f.Element(Ns + "type")!.Value == "Picklist")
            .ToDictionary(
                f => f.Element(Ns + "fullName")!.Value,
                f => f.Descendants(Ns + "value").Select(v => v.Element(Ns + "fullName")!.Value).Order(StringComparer.Ordinal).ToList(),
                StringComparer.OrdinalIgnoreCase);

        Assert.Equal(deployed.Keys.Order(StringComparer.OrdinalIgnoreCase), SalesforceSchema.Picklists.Keys.Order(StringComparer.OrdinalIgnoreCase));
        foreach (var (field, values) in SalesforceSchema.Picklists)
        {
            Assert.Equal(deployed[field], values.Order(StringComparer.Ordinal));
        }
    }
}
