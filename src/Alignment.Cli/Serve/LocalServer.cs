using System.Net;
using Alignment.Hosting;
using Alignment.Hosting.Health;
using Alignment.Hosting.Schedules;
using Alignment.Hosting.Webhooks;
using Alignment.Sync.Crm;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alignment.Cli.Serve;

/// <summary>
/// The local stand-in for the Functions app, for machines without Azure Functions Core Tools: the same composition
/// root, the same webhook routes (<c>POST /api/webhooks/hubspot</c>, <c>POST /api/webhooks/salesforce</c>), the same
/// health route (<c>GET /api/health</c>), the same timers from the same schedule settings and workers on the same
/// partition queue as the <c>ScorePartition</c> function, on loopback only.
/// No function key is asked for (the Functions app requires one).
/// </summary>
internal static class LocalServer
{
    public const string HubSpotRoute = "/api/webhooks/hubspot";
    public const string SalesforceRoute = "/api/webhooks/salesforce";
    public const string HealthRoute = "/api/health";

    /// <summary>Builds the server; throws <see cref="Alignment.Hosting.Configuration.AlignmentConfigurationException"/> on bad settings.</summary>
    /// <param name="configuration">The connector's settings (the same keys as the Functions app).</param>
    /// <param name="options">Port, timers on or off, verbosity.</param>
    /// <param name="configure">Runs before <c>AddAlignment</c> (e.g. to supply a clock).</param>
    public static WebApplication Build(IConfiguration configuration, LocalServerOptions options, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.SetMinimumLevel(options.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Alignment.Cli.Serve", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Host.UseDefaultServiceProvider(provider =>
        {
            provider.ValidateOnBuild = true;
            provider.ValidateScopes = true;
        });

        configure?.Invoke(builder.Services);
        builder.Services.AddAlignment(configuration);
        if (options.Timers)
        {
            var schedules = configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
            builder.Services.AddSingleton(ScheduledJobs.From(schedules));
            builder.Services.AddHostedService<TimerService>();
        }

        if (options.Partitions.Workers > 0)
        {
            builder.Services.AddSingleton(options.Partitions);
            builder.Services.AddHostedService<PartitionQueueWorker>();
        }

        var app = builder.Build();
        app.MapPost(HubSpotRoute, context => ReceiveAsync(context, CrmKinds.HubSpotName));
        app.MapPost(SalesforceRoute, context => ReceiveAsync(context, CrmKinds.SalesforceName));
        app.MapGet(HealthRoute, HealthAsync);
        return app;
    }

    /// <summary>The address the started server listens on (<c>http://127.0.0.1:port</c>).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server has not started.");
        return new Uri(first.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    private static async Task ReceiveAsync(HttpContext context, string source)
    {
        var request = context.Request;
        var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));
        var answer = await context.RequestServices.GetRequiredService<WebhookEndpoint>().HandleAsync(
            source, request.Method, new Uri(request.GetEncodedUrl()), headers, request.ContentLength, request.Body, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        if (answer.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task HealthAsync(HttpContext context)
    {
        var report = await context.RequestServices.GetRequiredService<HealthReporter>().CheckAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.StatusCode;
        await context.Response.WriteAsJsonAsync(report, context.RequestAborted).ConfigureAwait(false);
    }
}
