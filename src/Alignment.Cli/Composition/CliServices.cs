using Alignment.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alignment.Cli.Composition;

/// <summary>The composed services of a CLI verb: the same composition root as the Functions app.</summary>
internal static class CliServices
{
    /// <summary>
    /// Builds the provider (validated on build). <paramref name="configure"/> runs before <c>AddAlignment</c>, so it can
    /// supply a clock or other defaults the composition keeps. Throws
    /// <see cref="Alignment.Hosting.Configuration.AlignmentConfigurationException"/> listing every bad setting.
    /// </summary>
    public static ServiceProvider Build(IConfiguration configuration, bool verbose, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConfiguration(configuration.GetSection("Logging"))
            .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
            .AddFilter("System.Net.Http.HttpClient", verbose ? LogLevel.Information : LogLevel.Error)
            .AddFilter("Polly", LogLevel.Error));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        configure?.Invoke(services);
        services.AddAlignment(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
