using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alignment.Sandbox.Slack;

/// <summary>The emulated Slack endpoints: the incoming webhook and the Web API methods the connector calls.</summary>
internal static class SlackSinkEndpoints
{
    public const string WebhookPath = "/services/T0SANDBOX/B0SANDBOX/sandboxsecret";

    public static void Map(IEndpointRouteBuilder app, SlackSinkState state)
    {
        app.MapPost("/services/{**path}", context => WebhookAsync(context, state));
        app.MapPost("/api/chat.postMessage", context => PostMessageAsync(context, state));
        app.MapMethods("/api/users.lookupByEmail", ["GET", "POST"], context => LookupByEmailAsync(context, state));
        app.MapMethods("/api/conversations.history", ["GET", "POST"], context => HistoryAsync(context, state));
        app.MapMethods("/api/conversations.open", ["GET", "POST"], context => OpenAsync(context, state));
    }

    private static async Task WebhookAsync(HttpContext context, SlackSinkState state)
    {
        const string method = "webhook";
        state.Count(method);
        var fault = state.TakeFault(method);
        if (await AnswerStatusFaultAsync(context, fault, json: false).ConfigureAwait(false))
        {
            return;
        }

        if (fault?.ApiError is { } apiError)
        {
            await PlainAsync(context, fault.StatusCode == 200 ? 400 : fault.StatusCode, apiError).ConfigureAwait(false);
            return;
        }

        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await PlainAsync(context, 400, "invalid_payload").ConfigureAwait(false);
            return;
        }

        var text = body["text"]?.GetValue<string>();
        var blocks = body["blocks"]?.ToJsonString();
        if (string.IsNullOrEmpty(text) && blocks is null)
        {
            await PlainAsync(context, 400, "no_text").ConfigureAwait(false);
            return;
        }

        state.Record(method, state.Options.WebhookChannel, text, blocks, null, null);
        await DelayAsync(fault, context).ConfigureAwait(false);
        await PlainAsync(context, 200, "ok").ConfigureAwait(false);
    }

    private static async Task PostMessageAsync(HttpContext context, SlackSinkState state)
    {
        const string method = "chat.postMessage";
        if (await RejectAsync(context, state, method).ConfigureAwait(false) is not (false, var fault))
        {
            return;
        }

        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await ApiErrorAsync(context, "invalid_json").ConfigureAwait(false);
            return;
        }

        var channel = body["channel"]?.GetValue<string>();
        var isUser = channel is not null && (channel.StartsWith('U') || channel.StartsWith('W'));
        if (string.IsNullOrEmpty(channel) || (!isUser && state.Options.Channels.Count > 0 && !state.Options.Channels.Contains(channel)))
        {
            await ApiErrorAsync(context, "channel_not_found").ConfigureAwait(false);
            return;
        }

        var text = body["text"]?.GetValue<string>();
        var blocks = body["blocks"]?.ToJsonString();
        if (string.IsNullOrEmpty(text) && blocks is null)
        {
            await ApiErrorAsync(context, "no_text").ConfigureAwait(false);
            return;
        }

        var metadata = body["metadata"] as JsonObject;
        var message = state.Record(method, channel, text, blocks, metadata?["event_type"]?.GetValue<string>(), metadata?["event_payload"]?.ToJsonString());
        await DelayAsync(fault, context).ConfigureAwait(false);
        var answerChannel = isUser ? DirectMessageChannel(channel) : channel;
        await JsonAsync(context, new JsonObject
        {
            ["ok"] = true,
            ["channel"] = answerChannel,
            ["ts"] = message.Ts,
            ["message"] = new JsonObject { ["type"] = "message", ["text"] = text, ["ts"] = message.Ts, ["bot_id"] = "B0SANDBOX" },
        }).ConfigureAwait(false);
    }

    private static async Task LookupByEmailAsync(HttpContext context, SlackSinkState state)
    {
        const string method = "users.lookupByEmail";
        if (await RejectAsync(context, state, method).ConfigureAwait(false) is not (false, var fault))
        {
            return;
        }

        var email = await ParameterAsync(context, "email").ConfigureAwait(false);
        await DelayAsync(fault, context).ConfigureAwait(false);
        var userId = email is null ? null : state.Options.Users.FirstOrDefault(u => string.Equals(u.Key, email, StringComparison.OrdinalIgnoreCase)).Value;
        if (userId is null)
        {
            await ApiErrorAsync(context, "users_not_found").ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject { ["id"] = userId, ["deleted"] = false, ["profile"] = new JsonObject { ["email"] = email } },
        }).ConfigureAwait(false);
    }

    private static async Task HistoryAsync(HttpContext context, SlackSinkState state)
    {
        const string method = "conversations.history";
        if (await RejectAsync(context, state, method).ConfigureAwait(false) is not (false, var fault))
        {
            return;
        }

        var channel = await ParameterAsync(context, "channel").ConfigureAwait(false);
        var oldest = ParseTs(await ParameterAsync(context, "oldest").ConfigureAwait(false)) ?? 0m;
        var includeMetadata = string.Equals(await ParameterAsync(context, "include_all_metadata").ConfigureAwait(false), "true", StringComparison.OrdinalIgnoreCase);
        var limit = int.TryParse(await ParameterAsync(context, "limit").ConfigureAwait(false), out var l) && l > 0 ? Math.Min(l, 999) : 100;
        var offset = int.TryParse(await ParameterAsync(context, "cursor").ConfigureAwait(false), out var c) && c > 0 ? c : 0;
        await DelayAsync(fault, context).ConfigureAwait(false);
        if (string.IsNullOrEmpty(channel))
        {
            await ApiErrorAsync(context, "channel_not_found").ConfigureAwait(false);
            return;
        }

        var matching = state.Messages
            .Where(m => (m.Channel == channel || IsDirectMessageTo(channel, m.Channel)) && ParseTs(m.Ts) > oldest)
            .OrderByDescending(m => ParseTs(m.Ts))
            .ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        var messages = new JsonArray();
        foreach (var m in page)
        {
            var item = new JsonObject { ["type"] = "message", ["ts"] = m.Ts, ["text"] = m.Text, ["bot_id"] = "B0SANDBOX" };
            if (includeMetadata && m.MetadataEventType is not null)
            {
                item["metadata"] = new JsonObject
                {
                    ["event_type"] = m.MetadataEventType,
                    ["event_payload"] = m.MetadataPayloadJson is null ? null : JsonNode.Parse(m.MetadataPayloadJson),
                };
            }

            messages.Add(item);
        }

        var hasMore = offset + page.Count < matching.Count;
        await JsonAsync(context, new JsonObject
        {
            ["ok"] = true,
            ["messages"] = messages,
            ["has_more"] = hasMore,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = hasMore ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : "" },
        }).ConfigureAwait(false);
    }

    /// <summary><c>conversations.open</c> with <c>users</c> = one user id: the id of the bot's DM channel with that user (<c>D…</c>).</summary>
    private static async Task OpenAsync(HttpContext context, SlackSinkState state)
    {
        const string method = "conversations.open";
        if (await RejectAsync(context, state, method).ConfigureAwait(false) is not (false, var fault))
        {
            return;
        }

        var users = await ParameterAsync(context, "users").ConfigureAwait(false);
        await DelayAsync(fault, context).ConfigureAwait(false);
        if (string.IsNullOrEmpty(users) || users.Contains(',', StringComparison.Ordinal) || !(users.StartsWith('U') || users.StartsWith('W')))
        {
            await ApiErrorAsync(context, "user_not_found").ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = DirectMessageChannel(users) } }).ConfigureAwait(false);
    }

    /// <summary>The DM channel id the sink gives a user id (<c>U0ABC</c> → <c>D0ABC</c>); messages posted to the user are recorded under the user id.</summary>
    private static string DirectMessageChannel(string userId) => "D" + userId[1..];

    private static bool IsDirectMessageTo(string channel, string recordedChannel) =>
        channel.StartsWith('D') && (recordedChannel.StartsWith('U') || recordedChannel.StartsWith('W')) && DirectMessageChannel(recordedChannel) == channel;

    /// <summary>Counts the call, applies status faults and the token check. Returns (true, _) when the request was answered.</summary>
    private static async Task<(bool Answered, SlackFault? Fault)> RejectAsync(HttpContext context, SlackSinkState state, string method)
    {
        state.Count(method);
        var fault = state.TakeFault(method);
        if (await AnswerStatusFaultAsync(context, fault, json: true).ConfigureAwait(false))
        {
            return (true, fault);
        }

        if (fault?.ApiError is { } apiError)
        {
            await ApiErrorAsync(context, apiError).ConfigureAwait(false);
            return (true, fault);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            await ApiErrorAsync(context, "not_authed").ConfigureAwait(false);
            return (true, fault);
        }

        if (!string.Equals(authorization, "Bearer " + state.Options.BotToken, StringComparison.Ordinal))
        {
            await ApiErrorAsync(context, "invalid_auth").ConfigureAwait(false);
            return (true, fault);
        }

        return (false, fault);
    }

    private static async Task<bool> AnswerStatusFaultAsync(HttpContext context, SlackFault? fault, bool json)
    {
        if (fault is null || fault.StatusCode < 400 || fault.ApiError is not null)
        {
            return false;
        }

        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        var error = fault.StatusCode == 429 ? "ratelimited" : "internal_error";
        if (json)
        {
            context.Response.StatusCode = fault.StatusCode;
            await JsonAsync(context, new JsonObject { ["ok"] = false, ["error"] = error }, fault.StatusCode).ConfigureAwait(false);
        }
        else
        {
            await PlainAsync(context, fault.StatusCode, fault.StatusCode == 429 ? "rate_limited" : "rollup_error").ConfigureAwait(false);
        }

        return true;
    }

    private static Task DelayAsync(SlackFault? fault, HttpContext context) =>
        fault is { Delay: var delay } && delay > TimeSpan.Zero ? Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default) : Task.CompletedTask;

    private static async Task<JsonObject?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string?> ParameterAsync(HttpContext context, string name)
    {
        if (context.Request.Query.TryGetValue(name, out var value))
        {
            return value.ToString();
        }

        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form.TryGetValue(name, out var formValue))
            {
                return formValue.ToString();
            }
        }

        return null;
    }

    private static decimal? ParseTs(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Task ApiErrorAsync(HttpContext context, string error) => JsonAsync(context, new JsonObject { ["ok"] = false, ["error"] = error });

    private static async Task JsonAsync(HttpContext context, JsonObject body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }
}
