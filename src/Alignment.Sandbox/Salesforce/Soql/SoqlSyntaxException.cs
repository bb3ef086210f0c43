namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>The emulator could not parse a query (answered as 400 MALFORMED_QUERY).</summary>
public sealed class SoqlSyntaxException : Exception
{
    public SoqlSyntaxException()
    {
    }

    public SoqlSyntaxException(string message)
        : base(message)
    {
    }

    public SoqlSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
