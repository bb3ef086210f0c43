using Alignment.Sync.Crm;

namespace Alignment.Sync.Tests.Crm;

public sealed class CrmExceptionTests
{
    [Theory]
    [InlineData(400, "INVALID_FIELD", "INVALID_FIELD")]
    [InlineData(503, null, "503")]
    [InlineData(null, null, "CRM_ERROR")]
    public void Code_ErrorCodeThenStatusThenFallback_IsWhatTheLedgerRecords(int? status, string? errorCode, string expected)
    {
        var exception = new CrmException("hubspot", "failed", status, errorCode);

        Assert.Equal(expected, exception.Code);
    }

    [Fact]
    public void Code_MessageOnlyConstructor_IsTheFallback()
    {
        Assert.Equal("CRM_ERROR", new CrmException("failed").Code);
    }
}
