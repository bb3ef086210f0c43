namespace Alignment.Sandbox.Salesforce.Soql;

internal enum SoqlTokenKind
{
    Identifier,
    Literal,
    Symbol,
    End,
}
