using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Alignment.Sandbox.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Alignment.Sandbox.Tests.Slack;

public sealed class SlackSinkTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly HttpClient _http = new(new SocketsHttpHandler());
    private SlackSink _sink = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var options = new SlackSinkOptions { TimeProvider = _time };
        options.Users["ae@example.com"] = "U024BE7LH";
        options.Channels.Add("C0ALERTS");
        _sink = await SlackSink.StartAsync(options, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Webhook_ValidPayload_RecordsAndAnswersPlainOk()
    {
        using var response = await _http.PostAsync(_sink.WebhookUrl, Json("""{"text":"hello","blocks":[{"type":"divider"}]}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(Ct));
        var message = Assert.Single(_sink.Messages);
        Assert.Equal(("webhook", "CWEBHOOK", "hello", """[{"type":"divider"}]"""), (message.Via, message.Channel, message.Text, message.BlocksJson));
        Assert.Equal(Start, message.ReceivedAt);
        Assert.Equal(1, _sink.RequestCount("webhook"));
    }

    [Fact]
    public async Task Webhook_NoTextNoBlocks_400NoText()
    {
        using var response = await _http.PostAsync(_sink.WebhookUrl, Json("{}"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no_text", await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(_sink.Messages);
    }

    [Theory]
    [InlineData(null, "not_authed")]
    [InlineData("xoxb-wrong", "invalid_auth")]
    public async Task PostMessage_MissingOrWrongToken_OkFalse(string? token, string error)
    {
        var body = await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"x"}""", token);

        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Empty(_sink.Messages);
    }

    [Fact]
    public async Task PostMessage_Valid_RecordsMetadataAndAnswersTs()
    {
        var body = await ApiAsync(HttpMethod.Post, "chat.postMessage",
            """{"channel":"C0ALERTS","text":"x","blocks":[],"metadata":{"event_type":"alignment_alert","event_payload":{"key":"k1"}}}""");

        Assert.True(body.GetProperty("ok").GetBoolean());
        var message = Assert.Single(_sink.Messages);
        Assert.Equal(message.Ts, body.GetProperty("ts").GetString());
        Assert.Equal("C0ALERTS", body.GetProperty("channel").GetString());
        Assert.Equal("alignment_alert", message.MetadataEventType);
        Assert.Equal("""{"key":"k1"}""", message.MetadataPayloadJson);
    }

    [Fact]
    public async Task PostMessage_TwoInSameInstant_TsUniqueAndIncreasing()
    {
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"1"}""");
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"2"}""");

        var ts = _sink.Messages.Select(m => decimal.Parse(m.Ts, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ts[1] > ts[0]);
    }

    [Fact]
    public async Task PostMessage_UnknownChannel_ChannelNotFound()
    {
        var body = await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0OTHER","text":"x"}""");

        Assert.Equal("channel_not_found", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PostMessage_ToUserId_AnswersDirectMessageChannel()
    {
        var body = await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"U024BE7LH","text":"x"}""");

        Assert.Equal("D024BE7LH", body.GetProperty("channel").GetString());
        Assert.Equal("U024BE7LH", Assert.Single(_sink.Messages).Channel);
    }

    [Fact]
    public async Task OpenThenHistory_DirectMessageToUser_ListsTheMessagesPostedToThatUser()
    {
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"U024BE7LH","text":"dm","metadata":{"event_type":"alignment_alert","event_payload":{"key":"k1"}}}""");
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"channel"}""");

        var opened = await ApiAsync(HttpMethod.Get, "conversations.open?users=U024BE7LH");
        var channel = opened.GetProperty("channel").GetProperty("id").GetString();
        var history = await ApiAsync(HttpMethod.Get, $"conversations.history?channel={channel}&include_all_metadata=true");
        var other = await ApiAsync(HttpMethod.Get, "conversations.open?users=C0ALERTS");

        Assert.Equal("D024BE7LH", channel);
        Assert.Equal(["dm"], history.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal("user_not_found", other.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("ae@example.com", "U024BE7LH")]
    [InlineData("AE@Example.COM", "U024BE7LH")]
    [InlineData("nobody@example.com", null)]
    public async Task LookupByEmail_KnownOrUnknown_AnswersIdOrUsersNotFound(string email, string? id)
    {
        var body = await ApiAsync(HttpMethod.Get, "users.lookupByEmail?email=" + Uri.EscapeDataString(email));

        if (id is null)
        {
            Assert.Equal("users_not_found", body.GetProperty("error").GetString());
        }
        else
        {
            Assert.Equal(id, body.GetProperty("user").GetProperty("id").GetString());
        }

        Assert.Equal(1, _sink.RequestCount("users.lookupByEmail"));
    }

    [Fact]
    public async Task History_IncludeAllMetadata_ReturnsMetadataNewestFirst()
    {
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"1","metadata":{"event_type":"alignment_alert","event_payload":{"key":"k1"}}}""");
        _time.Advance(TimeSpan.FromSeconds(1));
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"2"}""");

        var with = await ApiAsync(HttpMethod.Get, "conversations.history?channel=C0ALERTS&include_all_metadata=true");
        var without = await ApiAsync(HttpMethod.Get, "conversations.history?channel=C0ALERTS");

        var messages = with.GetProperty("messages");
        Assert.Equal(["2", "1"], messages.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal("k1", messages[1].GetProperty("metadata").GetProperty("event_payload").GetProperty("key").GetString());
        Assert.False(without.GetProperty("messages")[1].TryGetProperty("metadata", out _));
    }

    [Fact]
    public async Task History_Oldest_FiltersOlderMessages()
    {
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"old"}""");
        _time.Advance(TimeSpan.FromMinutes(10));
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"new"}""");
        var oldest = Start.AddMinutes(5).ToUnixTimeSeconds();

        var body = await ApiAsync(HttpMethod.Get, $"conversations.history?channel=C0ALERTS&oldest={oldest}.000000");

        Assert.Equal(["new"], body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task History_MoreThanLimit_PagesWithCursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await ApiAsync(HttpMethod.Post, "chat.postMessage", $$"""{"channel":"C0ALERTS","text":"{{i}}"}""");
        }

        var first = await ApiAsync(HttpMethod.Get, "conversations.history?channel=C0ALERTS&limit=3");
        var cursor = first.GetProperty("response_metadata").GetProperty("next_cursor").GetString();
        var second = await ApiAsync(HttpMethod.Get, "conversations.history?channel=C0ALERTS&limit=3&cursor=" + cursor);

        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal(["4", "3", "2", "1", "0"], first.GetProperty("messages").EnumerateArray().Concat(second.GetProperty("messages").EnumerateArray()).Select(m => m.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Fault_RateLimited_429WithRetryAfterOnceThenNormal()
    {
        _sink.InjectFault(SlackFault.RateLimited(7, "chat.postMessage"));

        using var limited = await SendAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"x"}""");
        using var normal = await SendAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"x"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Single(_sink.Messages);
        Assert.Equal(2, _sink.RequestCount("chat.postMessage"));
    }

    [Fact]
    public async Task Fault_ServerErrorOnWebhook_500NotRecorded()
    {
        _sink.InjectFault(SlackFault.ServerError("webhook"));

        using var response = await _http.PostAsync(_sink.WebhookUrl, Json("""{"text":"x"}"""), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(_sink.Messages);
    }

    [Fact]
    public async Task Fault_ForOtherMethod_DoesNotApply()
    {
        _sink.InjectFault(SlackFault.Error("channel_not_found", "conversations.history"));

        var body = await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"x"}""");

        Assert.True(body.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Fault_Slow_RecordsBeforeAnswering()
    {
        _sink.InjectFault(SlackFault.Slow(TimeSpan.FromSeconds(30), "chat.postMessage"));
        using var client = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromMilliseconds(300) };
        using var request = Request(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"x"}""", _sink.BotToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(request, Ct));

        Assert.Single(_sink.Messages);
    }

    [Fact]
    public async Task Clear_AfterMessages_ForgetsEverything()
    {
        await ApiAsync(HttpMethod.Post, "chat.postMessage", """{"channel":"C0ALERTS","text":"x"}""");

        _sink.Clear();

        Assert.Empty(_sink.Messages);
        Assert.Equal(0, _sink.TotalRequests);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private HttpRequestMessage Request(HttpMethod method, string path, string? json, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri(_sink.ApiBaseAddress, path));
        if (json is not null)
        {
            request.Content = Json(json);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = Request(method, path, json, _sink.BotToken);
        return await _http.SendAsync(request, Ct);
    }

    private async Task<JsonElement> ApiAsync(HttpMethod method, string path, string? json = null, string? token = "default")
    {
        using var request = Request(method, path, json, token == "default" ? _sink.BotToken : token);
        using var response = await _http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }
}
