namespace Alignment.Sandbox.Salesforce.Soql;

/// <summary>A query the emulator parsed but Salesforce would refuse (INVALID_FIELD, INVALID_TYPE), answered as 400.</summary>
public sealed class SoqlQueryException : Exception
{
    public SoqlQueryException()
    {
    }

    public SoqlQueryException(string message)
        : base(message)
    {
    }

    public SoqlQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SoqlQueryException(string errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    public string ErrorCode { get; } = "INVALID_FIELD";
}
