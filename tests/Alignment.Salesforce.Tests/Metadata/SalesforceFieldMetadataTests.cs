using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Alignment.Core.Accounts;
using Alignment.Core.Handoffs;
using Alignment.Core.Model;
using Alignment.Core.Reasons;
using Alignment.Core.Signals;
using Alignment.Core.Sla;
using Alignment.Core.Tiers;
using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Mapping;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Crm;
using Alignment.Sync.Scoring;
using Alignment.TestKit.Paths;

namespace Alignment.Salesforce.Tests.Metadata;

/// <summary>infra/salesforce against what the adapter reads and writes with its default field names.</summary>
public sealed class SalesforceFieldMetadataTests
{
    private static readonly SalesforceFieldMap Defaults = new();

    private static IEnumerable<string> CustomFieldsOfTheAdapter() =>
        Defaults.All().Select(f => f.Name).Where(n => n.EndsWith("__c", StringComparison.Ordinal));

    [Fact]
    public void FieldFiles_Every_IsACustomFieldInTheMetadataNamespaceNamedLikeItsFile()
    {
        var files = SalesforceMetadataSource.FieldFiles();

        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var root = XDocument.Load(path).Root!;
            Assert.Equal(SalesforceMetadataSource.Ns + "CustomField", root.Name);
            Assert.Equal(Path.GetFileName(path), SalesforceMetadataSource.Text(root, "fullName") + ".field-meta.xml");
            Assert.Equal("false", SalesforceMetadataSource.Text(root, "externalId"));
        }
    }

    [Fact]
    public void AccountFields_EveryCustomFieldTheAdapterReadsOrWrites_HasAFile()
    {
        var fields = SalesforceMetadataSource.AccountFields();

        var missing = CustomFieldsOfTheAdapter().Where(n => !fields.ContainsKey(n)).ToList();

        Assert.Empty(missing);
        Assert.Equal(CustomFieldsOfTheAdapter().Order(StringComparer.Ordinal), fields.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FieldFiles_Every_RespectsTheMetadataApiLimits()
    {
        foreach (var path in SalesforceMetadataSource.FieldFiles())
        {
            var root = XDocument.Load(path).Root!;
            var name = SalesforceMetadataSource.Text(root, "fullName")!;
            var field = SalesforceMetadataSource.Parse(root.Document!);
            Assert.Matches("^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*__c$", name);
            Assert.InRange(name.Length - "__c".Length, 1, 40);
            Assert.InRange(SalesforceMetadataSource.Text(root, "label")?.Length ?? 0, 1, 40);
            Assert.InRange(SalesforceMetadataSource.Text(root, "description")?.Length ?? 0, 0, 1000);
            Assert.InRange(SalesforceMetadataSource.Text(root, "inlineHelpText")?.Length ?? 0, 0, 510);
            switch (field.Type)
            {
                case "Number":
                    Assert.InRange(field.Precision ?? 0, 1, 18);
                    Assert.InRange(field.Scale ?? -1, 0, field.Precision!.Value);
                    break;
                case "Text":
                    Assert.InRange(field.Length ?? 0, 1, 255);
                    break;
                case "LongTextArea":
                    Assert.InRange(field.Length ?? 0, 256, 131_072);
                    Assert.NotNull(SalesforceMetadataSource.Text(root, "visibleLines"));
                    break;
                case "Picklist":
                    Assert.NotEmpty(field.PicklistValues);
                    Assert.Equal(field.PicklistValues.Count, field.PicklistValues.Distinct(StringComparer.OrdinalIgnoreCase).Count());
                    break;
                case "Checkbox" or "DateTime":
                    break;
                default:
                    Assert.Fail($"{name} has a type the tests do not know: {field.Type}.");
                    break;
            }
        }
    }

    [Fact]
    public void AccountFields_NoField_IsRequired()
    {
        // A required field would break every other integration's inserts and could not carry field-level security.
        foreach (var path in SalesforceMetadataSource.FieldFiles())
        {
            Assert.NotEqual("true", SalesforceMetadataSource.Text(XDocument.Load(path).Root, "required"));
        }
    }

    [Theory]
    [InlineData(AlignmentField.Tier, typeof(Tier))]
    [InlineData(AlignmentField.HandoffStatus, typeof(HandoffStatus))]
    [InlineData(AlignmentField.SlaStatus, typeof(SlaStatus))]
    public void Picklist_Values_AreExactlyTheNamesTheAdapterWritesAndReads(AlignmentField field, Type values)
    {
        var metadata = SalesforceMetadataSource.AccountFields()[Defaults.NameOf(field)];

        Assert.Equal("Picklist", metadata.Type);
        Assert.True(metadata.Restricted);
        Assert.Equal(Enum.GetNames(values).Order(StringComparer.Ordinal), metadata.PicklistValues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TierLocked_IsACheckbox()
    {
        var root = XDocument.Load(Path.Combine(SalesforceMetadataSource.FieldsDirectory, Defaults.TierLocked + ".field-meta.xml")).Root;

        Assert.Equal("Checkbox", SalesforceMetadataSource.Text(root, "type"));
        Assert.Equal("false", SalesforceMetadataSource.Text(root, "defaultValue")); // the Metadata API requires a default on checkboxes
    }

    [Fact]
    public void Serialize_EveryValueTheAdapterWrites_FitsItsFieldType()
    {
        var fields = SalesforceMetadataSource.AccountFields();
        var writable = Enum.GetValues<AlignmentField>().Where(f => !AlignmentFields.IsHumans(f)).ToHashSet();
        var writes = SampleStates().Select((state, i) => new AccountWrite(TestAccounts.Id(i + 1), state, writable)).ToList();

        using var body = JsonDocument.Parse(SalesforceWriteMapper.Serialize(writes, Defaults));

        var checkedFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in body.RootElement.GetProperty("records").EnumerateArray())
        {
            foreach (var property in record.EnumerateObject().Where(p => p.Name is not ("attributes" or "id")))
            {
                Assert.True(fields.TryGetValue(property.Name, out var metadata), property.Name + " is written but has no field file.");
                AssertFits(metadata, property.Value);
                checkedFields.Add(property.Name);
            }
        }

        Assert.Equal(writable.Select(Defaults.NameOf).Order(StringComparer.Ordinal), checkedFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SfdxProject_SourceApiVersion_IsTheAdapterDefaultApiVersion()
    {
        using var project = JsonDocument.Parse(File.ReadAllText(Path.Combine(SalesforceMetadataSource.ProjectDirectory, "sfdx-project.json")));

        Assert.Equal(new SalesforceOptions().ApiVersion, "v" + project.RootElement.GetProperty("sourceApiVersion").GetString());
        var directories = project.RootElement.GetProperty("packageDirectories").EnumerateArray().ToList();
        Assert.Contains(directories, d => d.GetProperty("path").GetString() == "force-app" && d.GetProperty("default").GetBoolean());
    }

    private static void AssertFits(FieldMetadata field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return; // clearing is allowed on every non-required field
        }

        switch (field.Type)
        {
            case "Number":
                Assert.Equal(JsonValueKind.Number, value.ValueKind);
                var number = value.GetDecimal();
                Assert.Equal(0, field.Scale);
                Assert.Equal(decimal.Truncate(number), number);
                Assert.True(Math.Abs(number) < (decimal)Math.Pow(10, field.Precision!.Value - field.Scale!.Value), $"{number} overflows {field.FullName}.");
                break;
            case "Picklist":
                Assert.Contains(value.GetString(), field.PicklistValues);
                break;
            case "DateTime":
                Assert.True(
                    DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
                    $"{value.GetString()} is not a Salesforce dateTime for {field.FullName}.");
                break;
            case "Checkbox":
                Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{value} is not a checkbox value for {field.FullName}.");
                break;
            case "Text" or "LongTextArea":
                Assert.True(value.GetString()!.Length <= field.Length!.Value, $"{value.GetString()!.Length} characters overflow {field.FullName} ({field.Length}).");
                break;
            default:
                Assert.Fail($"{field.FullName} is written but is a {field.Type}.");
                break;
        }
    }

    /// <summary>Every enum value, the score range ends, the default rule ids and reasons the default model gives a busy account.</summary>
    private static IEnumerable<AlignmentState> SampleStates()
    {
        var tiers = Enum.GetValues<Tier>();
        var statuses = Enum.GetValues<HandoffStatus>();
        SlaStatus?[] slas = [null, .. Enum.GetValues<SlaStatus>()];
        var rules = HandoffRules.Default.Rules.Select(r => r.Id).ToList();
        var reasons = string.Join(AccountPlanner.ReasonSeparator, DefaultModelReasons());
        int?[] scores = [0, 100, 57, null, 99];
        var count = new[] { tiers.Length, statuses.Length, slas.Length, rules.Count, scores.Length }.Max();
        for (var i = 0; i < count; i++)
        {
            var at = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.FromHours(-5)).AddMinutes(i * 7.5);
            yield return new AlignmentState
            {
                Score = scores[i % scores.Length], Fit = scores[(i + 1) % scores.Length], Intent = scores[(i + 2) % scores.Length],
                Engagement = scores[(i + 3) % scores.Length], Tier = tiers[i % tiers.Length], Reasons = i == 3 ? null : reasons,
                ModelVersion = "2026.11.0-rc.1+" + i.ToString(CultureInfo.InvariantCulture), ScoredAt = at,
                HandoffStatus = statuses[i % statuses.Length], HandoffRule = rules[i % rules.Count], HandoffAt = at.AddHours(-1),
                SlaDue = i == 2 ? null : at.AddDays(1), SlaStatus = slas[i % slas.Length], FirstResponseAt = at.AddMinutes(3),
                ReviewDue = i % 2 == 0,
            };
        }
    }

    private static IEnumerable<string> DefaultModelReasons()
    {
        var model = ModelFileReader.Read(File.ReadAllText(RepoPaths.InRepo("config", "scoring.json"))).Model
            ?? throw new InvalidOperationException("config/scoring.json does not load.");
        var asOf = TestAccounts.AsOf;
        var signals = Enum.GetValues<SignalKind>().SelectMany((kind, k) => Enumerable.Range(0, 4).Select(c =>
            new Signal(kind, asOf.AddHours(-(k + c + 1)), TestAccounts.ContactId(c), "Subject " + k.ToString(CultureInfo.InvariantCulture))));
        var account = TestAccounts.Make(1) with { Signals = [.. signals] };
        var reasons = new ReasonFormatter(model).Explain(account, asOf);
        Assert.NotEmpty(reasons);
        return reasons;
    }
}
