namespace Alignment.Storage.Tests;

public sealed class TableStateOptionsValidatorTests
{
    private readonly TableStateOptionsValidator _validator = new();

    [Fact]
    public void Validate_ConnectionStringOnly_Succeeds() =>
        Assert.True(_validator.Validate(null, new TableStateOptions { ConnectionString = "UseDevelopmentStorage=true" }).Succeeded);

    [Fact]
    public void Validate_ServiceUriOnly_Succeeds() =>
        Assert.True(_validator.Validate(null, new TableStateOptions { TableServiceUri = new Uri("https://acct.table.core.windows.net") }).Succeeded);

    [Fact]
    public void Validate_NeitherConnectionStringNorUri_NamesBothSettings()
    {
        var result = _validator.Validate(null, new TableStateOptions());

        Assert.True(result.Failed);
        Assert.Contains("Alignment:State:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Alignment:State:TableServiceUri", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BothConnectionStringAndUri_Fails() =>
        Assert.True(_validator.Validate(null, new TableStateOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            TableServiceUri = new Uri("https://acct.table.core.windows.net"),
        }).Failed);

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("ab-c")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc")]
    public void Validate_BadTablePrefix_NamesTheSetting(string prefix)
    {
        var result = _validator.Validate(null, new TableStateOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = prefix });

        Assert.True(result.Failed);
        Assert.Contains("Alignment:State:TablePrefix", result.FailureMessage, StringComparison.Ordinal);
    }
}
