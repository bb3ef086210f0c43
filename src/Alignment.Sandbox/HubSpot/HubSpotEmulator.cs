using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alignment.Sandbox.HubSpot;

/// <summary>
/// A wire-faithful HubSpot CRM API on <c>127.0.0.1</c> (free port): company search (with the result cap), batch read
/// and update (207 partial failures), associations v4, owners and properties, HubSpot's error body and rate-limit
/// headers, an enforced rolling window, fault injection and request counters. Seeded from accounts, whose signals
/// become engagement records that the adapter's default mapping reads back as the same signals.
/// </summary>
public sealed class HubSpotEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HubSpotSeedMapper _seed;

    private HubSpotEmulator(WebApplication app, HubSpotEmulatorOptions options)
    {
        _app = app;
        Options = options;
        Store = new HubSpotEmulatorStore(options.Time);
        _seed = new HubSpotSeedMapper(Store);
    }

    /// <summary>The API's base address, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HubSpotEmulatorFaults Faults { get; } = new();

    public HubSpotRequestCounter Counter { get; } = new();

    internal HubSpotEmulatorOptions Options { get; }

    internal HubSpotEmulatorStore Store { get; }

    public static async Task<HubSpotEmulator> StartAsync(HubSpotEmulatorOptions options, IEnumerable<Account> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(accounts);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new HubSpotEmulator(app, options);
        lock (emulator.Store.Sync)
        {
            if (options.DefineAlignmentProperties)
            {
                emulator.Store.Groups["companies"] = new(StringComparer.Ordinal)
                {
                    [HubSpotEmulatorDefinitions.Group] = new() { ["name"] = HubSpotEmulatorDefinitions.Group, ["label"] = "Alignment", ["displayOrder"] = -1, ["archived"] = false },
                };
                emulator.Store.Properties["companies"] = HubSpotEmulatorDefinitions.AlignmentProperties().ToDictionary(p => p["name"]!.ToString(), StringComparer.Ordinal);
            }

            foreach (var account in accounts)
            {
                emulator._seed.AddCompany(account);
            }
        }

        var limiter = new HubSpotEmulatorRateLimiter(emulator);
        app.Use(limiter.InvokeAsync);
        HubSpotEmulatorRoutes.Map(app, emulator);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return emulator;
    }

    /// <summary>The HubSpot id the seed account (or company) id was given; numeric seed ids are kept.</summary>
    public string CompanyIdOf(string seedAccountId)
    {
        lock (Store.Sync)
        {
            return (_seed.Companies.TryGetValue(seedAccountId, out var id) ? id : long.Parse(seedAccountId, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The HubSpot contact id of a seed contact id, or null.</summary>
    public string? ContactIdOf(string seedContactId)
    {
        lock (Store.Sync)
        {
            return _seed.Contacts.TryGetValue(seedContactId, out var id) ? id.ToString(CultureInfo.InvariantCulture) : null;
        }
    }

    /// <summary>The HubSpot owner id of a seed owner id, or null.</summary>
    public string? OwnerIdOf(string seedOwnerId)
    {
        lock (Store.Sync)
        {
            return _seed.Owners.TryGetValue(seedOwnerId, out var id) ? id.ToString(CultureInfo.InvariantCulture) : null;
        }
    }

    /// <summary>Ids of every company, ascending.</summary>
    public IReadOnlyList<string> CompanyIds()
    {
        lock (Store.Sync)
        {
            return [.. Store.All("companies").Select(c => c.Id.ToString(CultureInfo.InvariantCulture))];
        }
    }

    /// <summary>A company's current property values (for assertions), or null when there is no such company.</summary>
    public IReadOnlyDictionary<string, string?>? GetCompanyProperties(string companyId)
    {
        lock (Store.Sync)
        {
            return Store.Get("companies", companyId) is { } company ? new Dictionary<string, string?>(company.Properties, StringComparer.Ordinal) : null;
        }
    }

    /// <summary>Every list definition (copies, with filters), as the Lists API stores them.</summary>
    public IReadOnlyList<JsonObject> Lists()
    {
        lock (Store.Sync)
        {
            return [.. Store.Lists.Values.Select(l => (JsonObject)l.DeepClone())];
        }
    }

    /// <summary>Replaces a list's filters as a person editing the list in HubSpot would.</summary>
    public void EditListFilters(string name, JsonObject filterBranch)
    {
        ArgumentNullException.ThrowIfNull(filterBranch);
        lock (Store.Sync)
        {
            var list = Store.Lists.Values.SingleOrDefault(l => string.Equals(l["name"]!.ToString(), name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"No list named {name}.", nameof(name));
            list["filterBranch"] = filterBranch.DeepClone();
        }
    }

    /// <summary>Sets a company property as a person in HubSpot would (e.g. the tier lock); empty or null clears it.</summary>
    public void SetCompanyProperty(string companyId, string name, string? value)
    {
        lock (Store.Sync)
        {
            var company = Store.Get("companies", companyId) ?? throw new ArgumentException($"No company {companyId}.", nameof(companyId));
            company.Properties[name] = string.IsNullOrEmpty(value) ? null : value;
            Store.Touch(company);
        }
    }

    /// <summary>Logs an activity on a company as a person (or a tool) would, recorded the way the default mapping reads <paramref name="signal"/>.</summary>
    public void AddSignal(string companyId, Signal signal)
    {
        lock (Store.Sync)
        {
            var company = Store.Get("companies", companyId) ?? throw new ArgumentException($"No company {companyId}.", nameof(companyId));
            _seed.AddSignal(company, signal);
        }
    }

    /// <summary>
    /// Adds deals, each associated with the company of its opportunity's seed account: closed won (stage
    /// <c>closedwon</c>), closed lost (<c>closedlost</c>) or open (<c>appointmentscheduled</c>) in the default pipeline,
    /// with <c>hs_is_closed</c> and <c>hs_is_closed_won</c> as HubSpot calculates them from the stage. Returns the deal ids.
    /// </summary>
    public IReadOnlyList<string> AddDeals(IEnumerable<Core.Calibration.Opportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        lock (Store.Sync)
        {
            return [.. opportunities.Select(o => _seed.AddDeal(o).Id.ToString(CultureInfo.InvariantCulture))];
        }
    }

    /// <summary>Adds a company (e.g. created by a person after the start); returns its id.</summary>
    public string AddCompany(Account account)
    {
        lock (Store.Sync)
        {
            return _seed.AddCompany(account).Id.ToString(CultureInfo.InvariantCulture);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
