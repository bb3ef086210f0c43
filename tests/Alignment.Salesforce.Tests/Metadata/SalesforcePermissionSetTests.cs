using System.Xml.Linq;
using Alignment.Salesforce.Configuration;
using Alignment.Sync.Crm;

namespace Alignment.Salesforce.Tests.Metadata;

/// <summary>The integration user's permission set in infra/salesforce.</summary>
public sealed class SalesforcePermissionSetTests
{
    private static readonly SalesforceFieldMap Defaults = new();

    private static XDocument Load() => XDocument.Load(SalesforceMetadataSource.PermissionSetPath);

    [Fact]
    public void PermissionSet_Root_IsAPermissionSetInTheMetadataNamespace()
    {
        var root = Load().Root!;

        Assert.Equal(SalesforceMetadataSource.Ns + "PermissionSet", root.Name);
        Assert.False(string.IsNullOrWhiteSpace(SalesforceMetadataSource.Text(root, "label")));
    }

    [Fact]
    public void FieldPermissions_EveryFieldTheAdapterWrites_IsReadableAndEditable()
    {
        var permissions = SalesforceMetadataSource.FieldPermissions(Load());

        foreach (var field in Enum.GetValues<AlignmentField>().Where(f => !AlignmentFields.IsHumans(f)))
        {
            Assert.True(permissions.TryGetValue("Account." + Defaults.NameOf(field), out var p), field + " has no field permission.");
            Assert.True(p.Readable && p.Editable, field + " is not readable and editable.");
        }
    }

    [Fact]
    public void FieldPermissions_HumansFields_AreReadOnly()
    {
        // The adapter never writes the lock, the rep's feedback nor the technologies; read-only access makes Salesforce refuse it too.
        var permissions = SalesforceMetadataSource.FieldPermissions(Load());

        Assert.Equal((true, false), permissions["Account." + Defaults.TierLocked]);
        Assert.Equal((true, false), permissions["Account." + Defaults.RejectionReason]);
        Assert.Equal((true, false), permissions["Account." + Defaults.WrongTier]);
        Assert.Equal((true, false), permissions["Account." + Defaults.Technologies]);
    }

    [Fact]
    public void FieldPermissions_EveryShippedField_IsReadable()
    {
        var permissions = SalesforceMetadataSource.FieldPermissions(Load());

        foreach (var name in SalesforceMetadataSource.AccountFields().Keys)
        {
            Assert.True(permissions.TryGetValue("Account." + name, out var p) && p.Readable, name + " is not readable by the integration user.");
        }

        Assert.All(permissions.Keys, k => Assert.Contains(k["Account.".Length..], SalesforceMetadataSource.AccountFields().Keys));
    }

    [Fact]
    public void ObjectPermissions_Account_ReadAllAndEditWithoutCreateOrDelete()
    {
        var account = Load().Root!.Elements(SalesforceMetadataSource.Ns + "objectPermissions")
            .Single(o => SalesforceMetadataSource.Text(o, "object") == "Account");

        Assert.Equal("true", SalesforceMetadataSource.Text(account, "allowRead"));
        Assert.Equal("true", SalesforceMetadataSource.Text(account, "allowEdit"));
        Assert.Equal("true", SalesforceMetadataSource.Text(account, "viewAllRecords"));
        Assert.Equal("false", SalesforceMetadataSource.Text(account, "allowCreate"));
        Assert.Equal("false", SalesforceMetadataSource.Text(account, "allowDelete"));
        Assert.Equal("false", SalesforceMetadataSource.Text(account, "modifyAllRecords"));
    }

    [Fact]
    public void ObjectPermissions_Opportunity_ReadAllOnly()
    {
        // alignment calibrate reads closed opportunities (docs/calibration.md); the connector never writes them.
        var opportunity = Load().Root!.Elements(SalesforceMetadataSource.Ns + "objectPermissions")
            .Single(o => SalesforceMetadataSource.Text(o, "object") == "Opportunity");

        Assert.Equal("true", SalesforceMetadataSource.Text(opportunity, "allowRead"));
        Assert.Equal("true", SalesforceMetadataSource.Text(opportunity, "viewAllRecords"));
        Assert.Equal("false", SalesforceMetadataSource.Text(opportunity, "allowEdit"));
        Assert.Equal("false", SalesforceMetadataSource.Text(opportunity, "allowCreate"));
    }

    [Fact]
    public void UserPermissions_ApiEnabled_IsGranted()
    {
        var api = Load().Root!.Elements(SalesforceMetadataSource.Ns + "userPermissions")
            .Single(p => SalesforceMetadataSource.Text(p, "name") == "ApiEnabled");

        Assert.Equal("true", SalesforceMetadataSource.Text(api, "enabled"));
    }
}
