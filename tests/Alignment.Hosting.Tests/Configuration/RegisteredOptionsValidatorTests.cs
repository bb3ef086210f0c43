using System.ComponentModel.DataAnnotations;
using Alignment.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Tests.Configuration;

public sealed class RegisteredOptionsValidatorTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    private static IServiceCollection Register(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddOptions<ProbeOptions>().Bind(configuration.GetSection(ProbeOptions.SectionName)).ValidateDataAnnotations();
        services.AddOptions<OtherProbeOptions>().Bind(configuration.GetSection("Alignment:Other"))
            .Validate(o => o.Limit > 0, "Alignment:Other:Limit must be positive. Example: Alignment__Other__Limit=10");
        return services;
    }

    [Fact]
    public void Validate_ValidSettings_NoProblem()
    {
        var services = Register(Config(("Alignment:Probe:Endpoint", "https://example.com"), ("Alignment:Other:Limit", "3")));

        Assert.Empty(RegisteredOptionsValidator.Validate(services));
    }

    [Fact]
    public void Validate_FailuresInSeveralOptions_ReportsAllWithTheirSection()
    {
        var services = Register(Config(("Alignment:Other:Limit", "0")));

        var problems = RegisteredOptionsValidator.Validate(services);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Setting == "Alignment:Probe" && p.Problem.Contains("Endpoint", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Problem.Contains("Alignment__Other__Limit=10", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnconvertibleValue_NamesPathWithoutEchoingTheValue()
    {
        var services = Register(Config(("Alignment:Probe:Endpoint", "https://example.com"), ("Alignment:Other:Limit", "s3cr3t-not-a-number")));

        var problem = Assert.Single(RegisteredOptionsValidator.Validate(services));

        Assert.Equal("Alignment:Other:Limit", problem.Setting);
        Assert.Contains("whole number", problem.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceGeneratedSettingRules_ReportTheFullSettingWithoutThePropertyInFront()
    {
        var services = new ServiceCollection();
        services.AddOptions<Sync.Settings.SyncOptions>().Bind(Config(("Alignment:Sync:WriteBatchSize", "0"), ("Alignment:Sync:InboxLease", "00:00:00"))
            .GetSection(Sync.Settings.SyncOptions.SectionName));
        services.AddSingleton<IValidateOptions<Sync.Settings.SyncOptions>, Sync.Settings.SyncOptionsAnnotationsValidator>();

        var problems = RegisteredOptionsValidator.Validate(services);

        Assert.Equal(
            [
                ("Alignment:Sync:InboxLease", "Alignment:Sync:InboxLease must be a positive duration, e.g. \"00:05:00\"."),
                ("Alignment:Sync:WriteBatchSize", "Alignment:Sync:WriteBatchSize must be between 1 and 2000, e.g. 200."),
            ],
            problems.Select(p => (p.Setting, p.Problem)).Order());
    }

    [Fact]
    public void Validate_ForeignOptions_AreNotProbed()
    {
        var services = new ServiceCollection();
        services.AddOptions<Uri>().Validate(_ => false, "never reported");

        Assert.Empty(RegisteredOptionsValidator.Validate(services));
    }

    public sealed class ProbeOptions
    {
        public const string SectionName = "Alignment:Probe";

        [Required]
        public string? Endpoint { get; set; }
    }

    public sealed class OtherProbeOptions
    {
        public int Limit { get; set; }
    }
}
