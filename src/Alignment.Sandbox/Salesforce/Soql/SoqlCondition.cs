namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>A WHERE expression node.</summary>
internal abstract record SoqlCondition;

internal sealed record SoqlAnd(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

internal sealed record SoqlOr(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

internal sealed record SoqlNot(SoqlCondition Inner) : SoqlCondition;

/// <summary><c>path op value</c> with op one of = != &lt; &lt;= &gt; &gt;= LIKE.</summary>
internal sealed record SoqlComparison(string Path, string Operator, object? Value) : SoqlCondition;

/// <summary><c>path [NOT] IN (values)</c> or a semi-join <c>path [NOT] IN (SELECT field FROM …)</c>.</summary>
internal sealed record SoqlIn(string Path, bool Negated, IReadOnlyList<object?> Values, SoqlQuery? SemiJoin) : SoqlCondition;
