using System.Net;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alignment.Sandbox.Salesforce;

/// <summary>
/// A local Salesforce REST emulator on 127.0.0.1 (free port): OAuth token endpoint (JWT bearer and client credentials,
/// <c>instance_url</c> = itself), SOQL query with <c>nextRecordsUrl</c> paging (docs/salesforce.md lists the SOQL subset),
/// <c>/limits</c>, sObject Collections update, Bulk API 2.0 query and update jobs, Salesforce's error shapes and <c>Sforce-Limit-Info</c>, with fault
/// injection, request counters and access to field values for assertions.
/// </summary>
public sealed class SalesforceEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SalesforceStore _store;
    private readonly SalesforceEmulatorApi _api;
    private readonly SalesforceSeeder _seeder;
    private readonly SalesforceEmulatorOptions _options;

    private SalesforceEmulator(WebApplication app, SalesforceStore store, SalesforceEmulatorApi api, SalesforceSeeder seeder, SalesforceEmulatorOptions options)
    {
        _app = app;
        _store = store;
        _api = api;
        _seeder = seeder;
        _options = options;
    }

    /// <summary>The emulator's root, e.g. <c>http://127.0.0.1:51234/</c>: use it as LoginUrl (it is also the instance URL).</summary>
    public Uri BaseAddress => _api.BaseAddress;

    public SalesforceEmulatorOptions Options => _options;

    public SalesforceFaults Faults => _api.Faults;

    /// <summary>Requests received so far, by kind.</summary>
    public SalesforceRequestCounts Requests => _api.Counts;

    /// <summary>Starts the emulator seeded with <paramref name="accounts"/> (their signals become Tasks, Events, CampaignMembers and intent records).</summary>
    public static async Task<SalesforceEmulator> StartAsync(SalesforceEmulatorOptions options, IEnumerable<Account> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(accounts);
        var store = new SalesforceStore();
        SalesforceSchema.Declare(store, options);
        var seeder = new SalesforceSeeder(store, options);
        seeder.Seed(accounts, options.TimeProvider.GetUtcNow());
        var api = new SalesforceEmulatorApi(options, store);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestLineSize = 16 * 1024; // Salesforce accepts URIs up to 16 KB
            k.Limits.MaxRequestBodySize = SalesforceBulkEndpoints.MaxUploadBytes + 1; // Bulk API 2.0 uploads; the endpoint names the limit
        });
        var app = builder.Build();
        app.MapPost("/services/oauth2/token", api.TokenAsync);
        app.MapGet("/services/data", (HttpContext c) => Results.Json(new[] { new { label = "Winter '25", url = "/services/data/v62.0", version = "62.0" } }));
        app.MapGet("/services/data/{version}/query", (HttpContext c, string version) => api.QueryAsync(c, version));
        app.MapGet("/services/data/{version}/query/{locator}", (HttpContext c, string version, string locator) => api.QueryMoreAsync(c, version, locator));
        app.MapGet("/services/data/{version}/limits", (HttpContext c) => api.LimitsAsync(c));
        app.MapMethods("/services/data/{version}/composite/sobjects", ["PATCH"], (HttpContext c) => api.UpdateCollectionAsync(c));
        app.MapPost("/services/data/{version}/composite", (HttpContext c, string version) => api.CompositeAsync(c, version));
        new SalesforceBulkEndpoints(api, store).Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return new SalesforceEmulator(app, store, api, seeder, options);
    }

    /// <summary>Every issued token becomes invalid: the next data call answers 401 INVALID_SESSION_ID.</summary>
    public void ExpireTokens() => _api.ExpireTokens();

    public void ResetRequestCounts() => _api.ResetCounts();

    /// <summary>A copy of the account's current field values (API names → string, decimal, bool, DateTimeOffset or null); null when unknown.</summary>
    public IReadOnlyDictionary<string, object?>? GetAccountFields(string accountId)
    {
        lock (_store.Gate)
        {
            var record = _store.Find(accountId);
            return record is { Type: "Account" } ? new Dictionary<string, object?>(record.SetFields(), StringComparer.OrdinalIgnoreCase) : null;
        }
    }

    /// <summary>Ids of all accounts, in id order.</summary>
    public IReadOnlyList<string> AccountIds()
    {
        lock (_store.Gate)
        {
            return [.. _store.Table("Account").Select(a => a.Id).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Sets a field as a human would in the UI (e.g. the lock or the rep's handoff status); SystemModstamp moves.</summary>
    public void SetAccountField(string accountId, string field, object? value)
    {
        lock (_store.Gate)
        {
            var record = _store.Find(accountId) is { Type: "Account" } r ? r : throw new ArgumentException("Unknown account " + accountId, nameof(accountId));
            if (!_store.HasColumn("Account", field))
            {
                throw new ArgumentException("Unknown Account field " + field, nameof(field));
            }

            record[field] = value is int i ? (decimal)i : value;
            Touch(record);
        }
    }

    /// <summary>Adds the record that encodes <paramref name="signal"/> per the default mapping (e.g. a rep's call for SalesTouch); returns its id.</summary>
    public string AddSignal(string accountId, Signal signal)
    {
        lock (_store.Gate)
        {
            var account = _store.Find(accountId) is { Type: "Account" } r ? r : throw new ArgumentException("Unknown account " + accountId, nameof(accountId));
            return _seeder.AddSignal(account, signal, _options.TimeProvider.GetUtcNow());
        }
    }

    /// <summary>Logs a Task (or, with <paramref name="objectType"/> "Event", an Event) on the account, as a user would.</summary>
    public string AddActivity(string accountId, string objectType, string? type, string subject, string ownerId, DateTimeOffset at, string? contactId = null)
    {
        lock (_store.Gate)
        {
            var account = _store.Find(accountId) is { Type: "Account" } r ? r : throw new ArgumentException("Unknown account " + accountId, nameof(accountId));
            return _seeder.Activity(objectType, account, type, subject, ownerId, at, contactId, _options.TimeProvider.GetUtcNow());
        }
    }

    /// <summary>Adds opportunities (closed won, closed lost or open) on existing or unknown accounts.</summary>
    public void AddOpportunities(IEnumerable<Alignment.Core.Calibration.Opportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        lock (_store.Gate)
        {
            foreach (var opportunity in opportunities)
            {
                _seeder.AddOpportunity(opportunity, _options.TimeProvider.GetUtcNow());
            }
        }
    }

    /// <summary>Adds an account after start (its SystemModstamp is now).</summary>
    public void AddAccount(Account account)
    {
        lock (_store.Gate)
        {
            _seeder.AddAccount(account, _options.TimeProvider.GetUtcNow());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void Touch(EmulatedRecord record)
    {
        var now = _options.TimeProvider.GetUtcNow();
        record["LastModifiedDate"] = now;
        record["SystemModstamp"] = now;
    }
}
