using Alignment.Salesforce.Configuration;
using Alignment.Salesforce.Tests.Support;
using Alignment.Sync.Crm;
using Alignment.Sync.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Tests.Configuration;

public sealed class SalesforceOptionsValidatorTests
{
    private static SalesforceOptions Valid() => new()
    {
        ClientId = "3MVG9-test",
        Username = "integration@example.com",
        PrivateKeyPem = TestKeys.PrivateKeyPem,
        OrganizationId = "00D5e000000AbCdEAF",
    };

    private static IReadOnlyList<string> Errors(SalesforceOptions options) =>
        [.. new SalesforceOptionsAnnotationsValidator().Validate(null, options).Failures ?? [], .. new SalesforceOptionsValidator().Validate(null, options).Failures ?? []];

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.Empty(Errors(Valid()));

    public static TheoryData<string, string> Broken => new()
    {
        { nameof(SalesforceOptions.ClientId), "Alignment:Salesforce:ClientId is required" },
        { nameof(SalesforceOptions.Username), "Alignment:Salesforce:Username is required" },
        { nameof(SalesforceOptions.PrivateKeyPem), "Alignment:Salesforce:PrivateKeyPem is required" },
        { "BadPem", "Alignment:Salesforce:PrivateKeyPem is not an RSA private key" },
        { nameof(SalesforceOptions.ApiVersion), "Alignment:Salesforce:ApiVersion must look like \"v62.0\"" },
        { nameof(SalesforceOptions.MaxDailyApiShare), "Alignment:Salesforce:MaxDailyApiShare must be in (0, 1], e.g. 0.8" },
        { nameof(SalesforceOptions.PageSize), "Alignment:Salesforce:PageSize must be between 200 and 2000" },
        { nameof(SalesforceOptions.WriteBatchSize), "Alignment:Salesforce:WriteBatchSize must be between 1 and 200" },
        { nameof(SalesforceOptions.BulkJobTimeout), "Alignment:Salesforce:BulkJobTimeout must be a positive duration, e.g. \"00:30:00\"." },
        { nameof(SalesforceOptions.OrganizationId), "Alignment:Salesforce:OrganizationId must be a 15 or 18 character org id" },
        { "Field", "Alignment:Salesforce:Fields:Score must be a field API name" },
        { "Rule", "Alignment:Salesforce:Signals:ActivityRules:0:SubjectPattern is not a valid regular expression" },
        { "Secret", "Alignment:Salesforce:ClientSecret is required for the client-credentials flow" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenSetting_NamesTheSettingAndGivesAnExample(string setting, string message)
    {
        var o = Valid();
        switch (setting)
        {
            case nameof(SalesforceOptions.ClientId): o.ClientId = ""; break;
            case nameof(SalesforceOptions.Username): o.Username = null; break;
            case nameof(SalesforceOptions.PrivateKeyPem): o.PrivateKeyPem = " "; break;
            case "BadPem": o.PrivateKeyPem = "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----"; break;
            case nameof(SalesforceOptions.ApiVersion): o.ApiVersion = "62"; break;
            case nameof(SalesforceOptions.MaxDailyApiShare): o.MaxDailyApiShare = 1.5; break;
            case nameof(SalesforceOptions.PageSize): o.PageSize = 5000; break;
            case nameof(SalesforceOptions.WriteBatchSize): o.WriteBatchSize = 201; break;
            case nameof(SalesforceOptions.BulkJobTimeout): o.BulkJobTimeout = TimeSpan.Zero; break;
            case nameof(SalesforceOptions.OrganizationId): o.OrganizationId = "00D'"; break;
            case "Field": o.Fields.Score = "Score__c, Name"; break;
            case "Rule": o.Signals.ActivityRules.Add(new SalesforceSignalRule { Object = "Task", SubjectPattern = "([" }); break;
            case "Secret": o.AuthFlow = SalesforceAuthFlow.ClientCredentials; break;
        }

        var error = Assert.Single(Errors(o));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
        Assert.Contains("e.g.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSalesforceCrm_InvalidConfiguration_FailsWhenOptionsAreResolved()
    {
        using var services = SalesforceTestHost.BuildServices(new Dictionary<string, string?> { ["Alignment:Salesforce:Username"] = "x" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SalesforceOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.StartsWith("Alignment:Salesforce:ClientId", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSalesforceCrm_ValidConfiguration_ResolvesTheCrmAndTheParser()
    {
        using var services = SalesforceTestHost.BuildServices(new Dictionary<string, string?>
        {
            ["Alignment:Salesforce:ClientId"] = "3MVG9-test",
            ["Alignment:Salesforce:Username"] = "integration@example.com",
            ["Alignment:Salesforce:PrivateKeyPem"] = TestKeys.PrivateKeyPem,
        });

        Assert.Equal("salesforce", services.GetRequiredService<ICrm>().Name);
        Assert.Equal("salesforce", Assert.Single(services.GetServices<IWebhookParser>()).Source);
    }
}
