using System.Globalization;
using System.Xml.Linq;
using Alignment.TestKit.Paths;

namespace Alignment.Salesforce.Tests.Metadata;

/// <summary>Reads the Salesforce DX project in <c>infra/salesforce</c> (Metadata API source format).</summary>
internal static class SalesforceMetadataSource
{
    public static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    public static string ProjectDirectory => RepoPaths.InRepo("infra", "salesforce");

    public static string DefaultDirectory => Path.Combine(ProjectDirectory, "force-app", "main", "default");

    public static string FieldsDirectory => Path.Combine(DefaultDirectory, "objects", "Account", "fields");

    public static string PermissionSetPath => Path.Combine(DefaultDirectory, "permissionsets", "Alignment_Integration.permissionset-meta.xml");

    public static IReadOnlyList<string> FieldFiles() =>
        [.. Directory.GetFiles(FieldsDirectory, "*.field-meta.xml").Order(StringComparer.Ordinal)];

    /// <summary>Every Account field file, keyed by API name (file names and <c>fullName</c> agree; a test checks it).</summary>
    public static IReadOnlyDictionary<string, FieldMetadata> AccountFields() =>
        FieldFiles().Select(path => Parse(XDocument.Load(path))).ToDictionary(f => f.FullName, StringComparer.Ordinal);

    public static FieldMetadata Parse(XDocument document)
    {
        var root = document.Root ?? throw new InvalidOperationException("Empty document.");
        var valueSet = root.Element(Ns + "valueSet");
        return new FieldMetadata(
            Text(root, "fullName") ?? "",
            Text(root, "type") ?? "",
            Int(root, "precision"),
            Int(root, "scale"),
            Int(root, "length"),
            [.. valueSet?.Element(Ns + "valueSetDefinition")?.Elements(Ns + "value").Select(v => Text(v, "fullName") ?? "") ?? []],
            string.Equals(Text(valueSet, "restricted"), "true", StringComparison.Ordinal));
    }

    /// <summary>The permission set's field permissions: <c>Account.Field</c> → (readable, editable).</summary>
    public static IReadOnlyDictionary<string, (bool Readable, bool Editable)> FieldPermissions(XDocument permissionSet) =>
        permissionSet.Root!.Elements(Ns + "fieldPermissions").ToDictionary(
            p => Text(p, "field") ?? "",
            p => (Text(p, "readable") == "true", Text(p, "editable") == "true"),
            StringComparer.Ordinal);

    public static string? Text(XElement? parent, string name) => parent?.Element(Ns + name)?.Value;

    private static int? Int(XElement root, string name) =>
        Text(root, name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}
