using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Webhooks;

/// <summary>Refuses to start with a body limit that would refuse every webhook (zero or negative) or exceed the Functions host's 100 MB.</summary>
public sealed class WebhookHostOptionsValidator : IValidateOptions<WebhookHostOptions>
{
    /// <summary>The Azure Functions HTTP trigger's own request limit.</summary>
    public const int MaxAllowedBodyBytes = 100 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, WebhookHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string key = WebhookHostOptions.SectionName + ":" + nameof(WebhookHostOptions.MaxBodyBytes);
        if (options.MaxBodyBytes <= 0 || options.MaxBodyBytes > MaxAllowedBodyBytes)
        {
            failures.Add($"{key} must be a number of bytes from 1 to {MaxAllowedBodyBytes} (the largest webhook body accepted); a value of 0 or less would refuse every delivery. Example: Alignment__Webhooks__MaxBodyBytes=4194304 (the default).");
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{WebhookHostOptions.PublicBaseUrlKey} must be an absolute http(s) URL. Example: Alignment__Webhooks__PublicBaseUrl=https://alignment.example.com");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
