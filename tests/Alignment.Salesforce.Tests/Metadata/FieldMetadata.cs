namespace Alignment.Salesforce.Tests.Metadata;

/// <summary>The parts of one <c>*.field-meta.xml</c> the tests check.</summary>
/// <param name="FullName">The field's API name (<c>fullName</c>).</param>
/// <param name="Type">The Metadata API field type: <c>Number</c>, <c>Picklist</c>, <c>DateTime</c>, <c>Text</c>, <c>LongTextArea</c>, <c>Checkbox</c>.</param>
/// <param name="Precision">Total digits of a Number.</param>
/// <param name="Scale">Decimal digits of a Number.</param>
/// <param name="Length">Maximum characters of a Text or LongTextArea.</param>
/// <param name="PicklistValues">API names of a picklist's values, in order.</param>
/// <param name="Restricted">True when the picklist refuses values outside its set.</param>
internal sealed record FieldMetadata(
    string FullName, string Type, int? Precision, int? Scale, int? Length, IReadOnlyList<string> PicklistValues, bool Restricted);
