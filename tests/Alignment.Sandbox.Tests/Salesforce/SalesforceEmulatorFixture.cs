using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Alignment.Core.Accounts;
using Alignment.Sandbox.Salesforce;

namespace Alignment.Sandbox.Tests.Salesforce;

/// <summary>An emulator and a raw HTTP client holding a client-credentials token.</summary>
internal sealed class SalesforceEmulatorFixture : IAsyncDisposable
{
    private SalesforceEmulatorFixture(SalesforceEmulator emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
    }

    public SalesforceEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static string AccountId(int n) => "001" + n.ToString("D12", CultureInfo.InvariantCulture) + "AAA";

    public static IEnumerable<Account> Accounts(int count) => Enumerable.Range(1, count).Select(n => new Account
    {
        Id = AccountId(n),
        Name = "Account " + n.ToString(CultureInfo.InvariantCulture),
        Owner = new Owner("005000000000001AAA", "ae@example.com", "Europe/Berlin"),
    });

    public static async Task<SalesforceEmulatorFixture> StartAsync(IEnumerable<Account> accounts, SalesforceEmulatorOptions? options = null, bool authenticate = true)
    {
        var emulator = await SalesforceEmulator.StartAsync(options ?? new SalesforceEmulatorOptions(), accounts, TestContext.Current.CancellationToken);
        var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = emulator.BaseAddress };
        var fixture = new SalesforceEmulatorFixture(emulator, http);
        if (authenticate)
        {
            using var token = await fixture.TokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = emulator.Options.ClientId,
                ["client_secret"] = emulator.Options.ClientSecret,
            });
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        }

        return fixture;
    }

    public async Task<JsonDocument> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await Http.PostAsync(new Uri("/services/oauth2/token", UriKind.Relative), new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), default, TestContext.Current.CancellationToken);
    }

    public async Task<(int Status, JsonDocument Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), default, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, body, response);
    }

    public Task<(int Status, JsonDocument Body, HttpResponseMessage Response)> QueryAsync(string soql) =>
        SendAsync(HttpMethod.Get, "/services/data/v62.0/query?q=" + Uri.EscapeDataString(soql));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
