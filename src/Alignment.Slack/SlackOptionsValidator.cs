using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Alignment.Slack;

/// <summary>Checks <see cref="SlackOptions"/> at start-up. Messages name the setting and give an example, never the secret's value.</summary>
internal sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    private const string Section = SlackOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (options.Mode == SlackMode.Webhook)
        {
            if (options.WebhookUrl is not { IsAbsoluteUri: true } url || !(url.Scheme == "https" || (url.Scheme == "http" && url.IsLoopback)))
            {
                failures.Add($"{Section}:WebhookUrl must be the incoming webhook's https URL, e.g. \"https://hooks.slack.com/services/T000/B000/XXXX\" (Mode is Webhook).");
            }
        }
        else if (options.Mode == SlackMode.Bot)
        {
            if (string.IsNullOrWhiteSpace(options.BotToken) || !options.BotToken.StartsWith("xox", StringComparison.Ordinal))
            {
                failures.Add($"{Section}:BotToken must be the app's bot token, e.g. \"xoxb-1234-5678-abc\" (Mode is Bot).");
            }

            if (!IsChannelId(options.Channel))
            {
                failures.Add($"{Section}:Channel must be the alert channel's id, e.g. \"C0123456789\" (Mode is Bot).");
            }

            if (options.EscalationChannel is not null && !IsChannelId(options.EscalationChannel))
            {
                failures.Add($"{Section}:EscalationChannel must be a channel id, e.g. \"C0123456789\", or left out to use {Section}:Channel.");
            }
        }
        else
        {
            failures.Add($"{Section}:Mode must be \"Webhook\" or \"Bot\".");
        }

        if (!(options.MessagesPerSecondPerChannel > 0 && options.MessagesPerSecondPerChannel <= 100))
        {
            failures.Add($"{Section}:MessagesPerSecondPerChannel must be above 0 and at most 100, e.g. 1.");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true })
        {
            failures.Add($"{Section}:ApiBaseUrl must be an absolute URL, e.g. \"https://slack.com/api/\".");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RequestTimeout must be positive, e.g. \"00:00:10\".");
        }

        if (options.MaxRateLimitRetries < 0 || options.MaxRetryAfter < TimeSpan.Zero || options.UserCacheDuration < TimeSpan.Zero)
        {
            failures.Add($"{Section}:MaxRateLimitRetries, MaxRetryAfter and UserCacheDuration must not be negative.");
        }

        foreach (var (email, userId) in options.UserMap)
        {
            if (!UserId().IsMatch(userId ?? ""))
            {
                // The e-mail is personal data: the message names the setting, not the entry.
                failures.Add($"{Section}:UserMap has an entry whose value is not a Slack user id (e.g. \"U024BE7LH\"); entry #{options.UserMap.Keys.ToList().IndexOf(email) + 1}.");
            }
        }

        foreach (var (crmUserId, userId) in options.ManagerUserMap)
        {
            if (!UserId().IsMatch(userId ?? ""))
            {
                failures.Add($"{Section}:ManagerUserMap:{crmUserId} is not a Slack user id (e.g. \"U024BE7LH\").");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsChannelId(string? value) => value is not null && ChannelId().IsMatch(value);

    [GeneratedRegex("^[CGD][A-Z0-9]{2,}$")]
    private static partial Regex ChannelId();

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$")]
    private static partial Regex UserId();
}
