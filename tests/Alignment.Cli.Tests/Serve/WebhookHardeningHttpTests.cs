using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Alignment.Cli.Serve;
using Alignment.HubSpot.Webhooks;
using Alignment.Salesforce.Webhooks;
using Alignment.Sync.Inbox;
using Alignment.TestKit.Azurite;
using Alignment.TestKit.Webhooks;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alignment.Cli.Tests.Serve;

/// <summary>
/// Hostile and odd webhook input over HTTP through <c>alignment serve</c>'s routes, which run the same
/// <c>WebhookEndpoint</c> as the Functions app, with Azurite up: every request gets a documented 4xx or is stored.
/// The CRMs are unreachable on purpose (intake never calls them; health must say so).
/// </summary>
public sealed class WebhookHardeningHttpTests : IAsyncLifetime
{
    private const string OrgId = "00D5e000000AbCdEAF";
    private const string FlowSecret = "flow-secret-for-http-tests";
    private const string ClientSecret = "hubspot-client-secret-for-http-tests";
    private static readonly int[] Documented = [200, 400, 401, 403, 404, 405, 413];

    private readonly HttpClient _http = new(new SocketsHttpHandler(), disposeHandler: true);
    private AzuriteRunner _azurite = null!;
    private WebApplication _salesforce = null!;
    private WebApplication _hubspot = null!;
    private Uri _salesforceUrl = null!;
    private Uri _hubspotUrl = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _azurite = await AzuriteRunner.StartAsync(ct);
        _salesforce = await StartAsync("Salesforce", ct);
        _hubspot = await StartAsync("HubSpot", ct);
        _salesforceUrl = new Uri(LocalServer.Address(_salesforce), LocalServer.SalesforceRoute);
        _hubspotUrl = new Uri(LocalServer.Address(_hubspot), LocalServer.HubSpotRoute);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        foreach (var app in new[] { _salesforce, _hubspot })
        {
            if (app is not null)
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task Post_DeeplyNestedOutboundMessage_400()
    {
        var body = string.Concat(Enumerable.Repeat("<a>", 200_000)) + string.Concat(Enumerable.Repeat("</a>", 200_000));

        using var response = await PostAsync(_salesforceUrl, Encoding.UTF8.GetBytes(body), [], "text/xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("300000000000")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    public async Task Post_FlowTimestampOutOfRange_401(string timestamp)
    {
        using var response = await PostAsync(_salesforceUrl, """{"eventId":"e","accountIds":["001A000001abcDEAAA"]}"""u8.ToArray(),
            [new("X-Alignment-Timestamp", timestamp), new("X-Alignment-Signature", "sha256=00")]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_OutboundMessageWithLongNotificationId_StoredOnceUnderABoundedKey()
    {
        var id = new string('7', 600);
        var body = Encoding.UTF8.GetBytes(Soap(id));

        using var first = await PostAsync(_salesforceUrl, body, [], "text/xml");
        using var again = await PostAsync(_salesforceUrl, body, [], "text/xml");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("<Ack>true</Ack>", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotNull(await InboxItemAsync(_salesforce, InboxKey.For("salesforce", id)));
    }

    [Fact]
    public async Task Post_SignedFlowEventIdOfPercentSigns_Stored()
    {
        var eventId = new string('%', 200);

        using var response = await PostFlowAsync(eventId, ["001A000001abcDEAAA"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await InboxItemAsync(_salesforce, InboxKey.For("salesforce:flow", eventId)));
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(5_000)]
    public async Task Post_SignedFlowWithThousandsOfIds_EveryIdStoredInParts(int count)
    {
        var eventId = "bulk-" + count.ToString(CultureInfo.InvariantCulture);
        var ids = Enumerable.Range(0, count).Select(i => "001A00000" + i.ToString("D6", CultureInfo.InvariantCulture) + "AAA").ToList();

        using var response = await PostFlowAsync(eventId, ids);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = new List<string>();
        for (var part = 0; part < count / InboxItems.MaxAccountIdsPerItem; part++)
        {
            var item = await InboxItemAsync(_salesforce, InboxKey.Part("salesforce:flow:" + eventId, part));
            stored.AddRange(Assert.IsType<InboxItem>(item).AccountIds);
        }

        Assert.Equal(ids, stored);
    }

    [Theory]
    [InlineData("99999999999999999")]
    [InlineData("-99999999999999999")]
    public async Task Post_HubSpotTimestampOutOfRange_401(string timestamp)
    {
        using var response = await PostAsync(_hubspotUrl, "[]"u8.ToArray(), [new("X-HubSpot-Signature-v3", "anything"), new("X-HubSpot-Request-Timestamp", timestamp)]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_HubSpotTimestampAYearAhead_401EvenWhenSigned()
    {
        using var response = await PostHubSpotAsync("[]"u8.ToArray(), DateTimeOffset.UnixEpoch.AddMilliseconds(Now().ToUnixTimeMilliseconds()).AddDays(365));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SignedHubSpotNullEvent_400()
    {
        using var response = await PostHubSpotAsync("[null]"u8.ToArray(), Now());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_413()
    {
        using var response = await PostAsync(_hubspotUrl, new byte[(4 * 1024 * 1024) + 1], []);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ArbitraryRequestsWhileStorageIsUp_NeverA5xx()
    {
        // Property-based over HTTP: random bodies (arbitrary bytes, mutated deliveries) and headers, a third of them
        // validly signed so that they reach the inbox; every answer must be a documented status, never 5xx.
        var cases =
            from route in FsCheck.Fluent.Gen.Elements("salesforce", "hubspot")
            from body in WebhookFuzz.Bodies(Soap("04l5e000000AAAAAA1"), """{"eventId":"e1","accountIds":["001A000001abcDEAAA"]}""", """[{"eventId":5,"subscriptionType":"company.creation","objectId":7}]""")
            from headers in WebhookFuzz.Headers("X-Alignment-Timestamp", "X-Alignment-Signature", "X-HubSpot-Signature-v3", "X-HubSpot-Request-Timestamp")
            from sign in FsCheck.Fluent.Gen.Frequency((2, FsCheck.Fluent.Gen.Constant(false)), (1, FsCheck.Fluent.Gen.Constant(true)))
            select (route, body, headers, sign);

        var failures = new List<string>();
        foreach (var (route, body, headers, sign) in cases.Sample(40, 300))
        {
            using var response = route == "salesforce"
                ? sign ? await PostSignedFlowAsync(body) : await PostAsync(_salesforceUrl, body, headers)
                : sign ? await PostHubSpotAsync(body, Now()) : await PostAsync(_hubspotUrl, body, headers);
            if (!Documented.Contains((int)response.StatusCode))
            {
                failures.Add($"{route} {(int)response.StatusCode} for a {body.Length}-byte body: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task GetHealth_StorageUpCrmUnreachable_503NamingTheCrm()
    {
        using var response = await _http.GetAsync(new Uri(LocalServer.Address(_salesforce), LocalServer.HealthRoute), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("ok", checks["storage"]);
        Assert.Equal("ok", checks["model"]);
        Assert.Equal("unhealthy", checks["crm"]);
    }

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private static string Soap(string notificationId) =>
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
        + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>" + OrgId + "</OrganizationId><Notification><Id>" + notificationId
        + "</Id><sObject xsi:type=\"sf:Account\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\"><sf:Id>001A000001abcDEAAA</sf:Id></sObject></Notification>"
        + "</notifications></soapenv:Body></soapenv:Envelope>";

    private async Task<WebApplication> StartAsync(string crm, CancellationToken ct)
    {
        var settings = new Dictionary<string, string?>(_azurite.StateSettings(AzuriteRunner.NewTablePrefix("hard" + crm)), StringComparer.OrdinalIgnoreCase)
        {
            ["Alignment:Crm"] = crm,
            ["Alignment:Slack:Mode"] = "Webhook",
            ["Alignment:Slack:WebhookUrl"] = "https://hooks.slack.com/services/T000/B000/XXXX",
            ["Alignment:Sync:ModelPath"] = Alignment.TestKit.Paths.RepoPaths.InRepo("config", "scoring.json"),
            ["Alignment:Salesforce:ClientId"] = "3MVG9-test",
            ["Alignment:Salesforce:Username"] = "integration@example.com",
            ["Alignment:Salesforce:PrivateKeyPem"] = Pem(),
            ["Alignment:Salesforce:LoginUrl"] = "http://127.0.0.1:1",
            ["Alignment:Salesforce:MaxRetries"] = "1",
            ["Alignment:Salesforce:OrganizationId"] = OrgId,
            ["Alignment:Salesforce:FlowSecret"] = FlowSecret,
            ["Alignment:HubSpot:AccessToken"] = "pat-test",
            ["Alignment:HubSpot:ClientSecret"] = ClientSecret,
            ["Alignment:HubSpot:BaseUrl"] = "http://127.0.0.1:1/",
        };
        var app = LocalServer.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new LocalServerOptions { Port = 0, Timers = false });
        await app.StartAsync(ct);
        return app;
    }

    private static string Pem()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static async Task<InboxItem?> InboxItemAsync(WebApplication app, string eventId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IWebhookInbox>().GetAsync(eventId, TestContext.Current.CancellationToken))?.Value;
    }

    private Task<HttpResponseMessage> PostFlowAsync(string eventId, IEnumerable<string> ids) =>
        PostSignedFlowAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { eventId, accountIds = ids })));

    private Task<HttpResponseMessage> PostSignedFlowAsync(byte[] body)
    {
        var ts = Now().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + Convert.ToHexStringLower(SalesforceWebhookParser.Sign(FlowSecret, ts, body));
        return PostAsync(_salesforceUrl, body, [new("X-Alignment-Timestamp", ts), new("X-Alignment-Signature", signature)]);
    }

    private Task<HttpResponseMessage> PostHubSpotAsync(byte[] body, DateTimeOffset at)
    {
        var ts = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return PostAsync(_hubspotUrl, body, [new("X-HubSpot-Signature-v3", HubSpotSignature.V3(ClientSecret, "POST", _hubspotUrl.AbsoluteUri, body, ts)), new("X-HubSpot-Request-Timestamp", ts)]);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri url, byte[] body, IEnumerable<KeyValuePair<string, string>> headers, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        foreach (var (name, value) in headers)
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                // HttpClient sends ASCII header values only (Kestrel refuses others with 400 before any route runs).
                request.Headers.TryAddWithoutValidation(name, new string([.. value.Select(c => c is >= ' ' and <= '~' ? c : '?')]));
            }
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
