using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Alignment.Salesforce.Soql;
using Microsoft.Extensions.Options;

namespace Alignment.Salesforce.Configuration;

/// <summary>
/// Checks <see cref="SalesforceOptions"/> on start: the rules across settings and the ones that need code (URLs, the
/// auth flow's secrets, field names); each setting's own range is its attribute, checked by the source-generated
/// <see cref="SalesforceOptionsAnnotationsValidator"/>. Every message names the setting and gives an example.
/// </summary>
public sealed partial class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    private const string S = SalesforceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.LoginUrl is not { IsAbsoluteUri: true })
        {
            errors.Add($"{S}:LoginUrl must be an absolute URL, e.g. \"https://login.salesforce.com\" or \"https://mydomain.my.salesforce.com\".");
        }

        if (options.InstanceUrl is { IsAbsoluteUri: false })
        {
            errors.Add($"{S}:InstanceUrl must be an absolute URL when set, e.g. \"https://mydomain.my.salesforce.com\".");
        }

        if (!ApiVersionRegex().IsMatch(options.ApiVersion ?? ""))
        {
            errors.Add($"{S}:ApiVersion must look like \"v62.0\" (the REST API version, e.g. \"v62.0\").");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add($"{S}:ClientId is required: the consumer key of the Connected App, e.g. \"3MVG9...\".");
        }

        ValidateFlow(options, errors);
        if (!string.IsNullOrEmpty(options.OrganizationId) && !SoqlLiteral.IsSalesforceId(options.OrganizationId))
        {
            errors.Add($"{S}:OrganizationId must be a 15 or 18 character org id, e.g. \"00D5e000000AbCdEAF\".");
        }

        if (options.MaxDailyApiShare is <= 0 or > 1)
        {
            errors.Add($"{S}:MaxDailyApiShare must be in (0, 1], e.g. 0.8.");
        }

        if (options.BulkPollInterval <= TimeSpan.Zero || options.BulkPollMaxInterval < options.BulkPollInterval)
        {
            errors.Add($"{S}:BulkPollInterval must be positive and BulkPollMaxInterval at least as long, e.g. \"00:00:02\" and \"00:00:30\".");
        }

        if (options.MaxRetries is < 1 or > 10 || options.RetryBaseDelay < TimeSpan.Zero || options.AttemptTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:MaxRetries (1..10, e.g. 3), RetryBaseDelay (e.g. \"00:00:01\") and AttemptTimeout (≥ 1 s, e.g. \"00:02:00\") are out of range.");
        }

        ValidateNames(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateFlow(SalesforceOptions options, List<string> errors)
    {
        if (options.AuthFlow == SalesforceAuthFlow.JwtBearer)
        {
            if (string.IsNullOrWhiteSpace(options.Username))
            {
                errors.Add($"{S}:Username is required for the JWT bearer flow, e.g. \"integration@example.com\".");
            }

            if (string.IsNullOrWhiteSpace(options.PrivateKeyPem))
            {
                errors.Add($"{S}:PrivateKeyPem is required for the JWT bearer flow: the PEM text, e.g. \"-----BEGIN PRIVATE KEY-----...\" (a Key Vault reference in Azure).");
            }
            else
            {
                try
                {
                    using var rsa = RSA.Create();
                    rsa.ImportFromPem(options.PrivateKeyPem);
                }
                catch (Exception ex) when (ex is ArgumentException or CryptographicException)
                {
                    errors.Add($"{S}:PrivateKeyPem is not an RSA private key in PEM form, e.g. \"-----BEGIN PRIVATE KEY-----...\" or \"-----BEGIN RSA PRIVATE KEY-----...\".");
                }
            }
        }
        else if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            errors.Add($"{S}:ClientSecret is required for the client-credentials flow (AuthFlow \"ClientCredentials\"), e.g. a Key Vault reference.");
        }
    }

    private static void ValidateNames(SalesforceOptions options, List<string> errors)
    {
        foreach (var (setting, value) in options.Fields.All())
        {
            if (!SoqlLiteral.IsFieldName(value))
            {
                errors.Add($"{S}:Fields:{setting} must be a field API name, e.g. \"Alignment_Score__c\".");
            }
        }

        var intent = options.Signals.IntentObject;
        if (intent.Enabled)
        {
            foreach (var (setting, value) in new[]
            {
                (nameof(intent.ObjectName), intent.ObjectName), (nameof(intent.ChildRelationship), intent.ChildRelationship),
                (nameof(intent.AccountField), intent.AccountField), (nameof(intent.OccurredAtField), intent.OccurredAtField),
                (nameof(intent.TopicField), intent.TopicField), (nameof(intent.StrengthField), intent.StrengthField),
            })
            {
                if (!SoqlLiteral.IsFieldName(value))
                {
                    errors.Add($"{S}:Signals:IntentObject:{setting} must be an API name, e.g. \"Topic__c\".");
                }
            }

            if (intent.StrengthScale <= 0)
            {
                errors.Add($"{S}:Signals:IntentObject:StrengthScale must be positive, e.g. 100.");
            }
        }

        for (var i = 0; i < options.Signals.ActivityRules.Count; i++)
        {
            var rule = options.Signals.ActivityRules[i];
            if (rule.Object is not ("Task" or "Event" or "Any"))
            {
                errors.Add($"{S}:Signals:ActivityRules:{i}:Object must be \"Task\", \"Event\" or \"Any\".");
            }

            if (rule.SubjectPattern is not null)
            {
                try
                {
                    _ = new Regex(rule.SubjectPattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException)
                {
                    errors.Add($"{S}:Signals:ActivityRules:{i}:SubjectPattern is not a valid regular expression, e.g. \"^(?i:pricing page)\".");
                }
            }
        }
    }

    [GeneratedRegex("^v[0-9]{2,3}\\.[0-9]$")]
    private static partial Regex ApiVersionRegex();
}

/// <summary>Checks the setting attributes of <see cref="SalesforceOptions"/> (generated at build time).</summary>
[OptionsValidator]
public sealed partial class SalesforceOptionsAnnotationsValidator : IValidateOptions<SalesforceOptions>;
