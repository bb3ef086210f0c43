using Alignment.Sandbox.Salesforce.Soql;

namespace Alignment.Sandbox.Salesforce;

/// <summary>The rows of a query (or of a child set) behind a <c>nextRecordsUrl</c> locator.</summary>
internal sealed record QueryCursor(IReadOnlyList<SoqlSelectItem> Select, IReadOnlyList<EmulatedRecord> Rows);
