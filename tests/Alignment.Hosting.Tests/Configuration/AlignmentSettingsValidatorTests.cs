using Alignment.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace Alignment.Hosting.Tests.Configuration;

public sealed class AlignmentSettingsValidatorTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    [Fact]
    public void Validate_CrmMissing_NamesSettingAndExample()
    {
        var problem = Assert.Single(AlignmentSettingsValidator.Validate(Config()));

        Assert.Equal("Alignment:Crm", problem.Setting);
        Assert.Equal("Alignment__Crm", problem.AppSetting);
        Assert.Contains("Alignment__Crm=Salesforce", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Salesforce")]
    [InlineData("hubspot")]
    [InlineData(" HubSpot ")]
    public void Validate_KnownCrm_NoProblem(string crm)
    {
        Assert.Empty(AlignmentSettingsValidator.Validate(Config(("Alignment:Crm", crm))));
    }

    [Theory]
    [InlineData("Dynamics")]
    [InlineData("1")]
    [InlineData("Salesforce,HubSpot")]
    public void Validate_UnknownCrm_ReportsAllowedValues(string crm)
    {
        var problem = Assert.Single(AlignmentSettingsValidator.Validate(Config(("Alignment:Crm", crm))));

        Assert.Equal("Alignment:Crm", problem.Setting);
        Assert.Contains("Salesforce or HubSpot", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsThemAllInOneList()
    {
        var problems = AlignmentSettingsValidator.Validate(Config(
            ("Alignment:StateStore", "Cosmos"),
            ("Alignment:AlertChannel", "Teams"),
            ("Alignment:Schedules:Score", "*/15 * * * *"),
            ("Alignment:Schedules:SweepSla", "0 */5 * * * *")));

        Assert.Equal(
            ["Alignment:Crm", "Alignment:StateStore", "Alignment:AlertChannel", "Alignment:Schedules:Score"],
            problems.Select(p => p.Setting));
        var schedule = problems[^1];
        Assert.Contains("six-field", schedule.Problem, StringComparison.Ordinal);
        Assert.Equal("0 */15 * * * *", schedule.Example);
    }

    [Fact]
    public void Exception_Message_ListsEveryProblemWithAppSettingAndExample()
    {
        var problems = AlignmentSettingsValidator.Validate(Config(("Alignment:Schedules:DrainInbox", "never")));

        var exception = new AlignmentConfigurationException(problems);

        Assert.Equal(2, exception.Problems.Count);
        Assert.Contains("2 settings need attention", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Alignment__Crm=Salesforce", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Alignment:Schedules:DrainInbox (app setting Alignment__Schedules__DrainInbox)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Alignment__Schedules__DrainInbox=30 * * * * *", exception.Message, StringComparison.Ordinal);
    }
}
