namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>A lexical token of the emulator's SOQL subset.</summary>
internal readonly record struct SoqlToken(SoqlTokenKind Kind, string Text, object? Value = null);
