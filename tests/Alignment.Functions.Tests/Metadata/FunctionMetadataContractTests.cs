using System.Reflection;
using Alignment.Functions.Triggers;
using Alignment.Hosting.Schedules;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Tests.Metadata;

/// <summary>
/// The generated <c>functions.metadata</c>, the function classes, <c>docs/functions.md</c> and the schedule settings in
/// Bicep, <c>local.settings.sample.json</c>, <c>docs/configuration.md</c> and <c>ScheduleOptions</c> all agree with
/// <see cref="DeclaredFunctions"/>: a function, route, retry policy or schedule setting added or changed in one place and
/// not the others fails here.
/// </summary>
public sealed class FunctionMetadataContractTests
{
    private static readonly IReadOnlyDictionary<string, string?> DefaultSchedules =
        new ScheduleOptions().All().ToDictionary(s => s.Key, s => (string?)s.Expression, StringComparer.Ordinal);

    [Fact]
    public void GeneratedMetadata_EveryFunction_MatchesTheDeclaredContract()
    {
        var generated = GeneratedMetadata.ReadContracts();

        Assert.Equal(DeclaredFunctions.Sorted(DeclaredFunctions.All), DeclaredFunctions.Sorted(generated));
    }

    [Fact]
    public void FunctionsDoc_Table_MatchesTheDeclaredContract()
    {
        var documented = FunctionsDoc.ReadContracts();

        Assert.Equal(DeclaredFunctions.Sorted(DeclaredFunctions.All), DeclaredFunctions.Sorted(documented));
    }

    [Fact]
    public void FunctionClasses_FunctionAttributes_AreTheDeclaredFunctionsOncePerName()
    {
        var names = FunctionMethods().Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).ToList();

        Assert.Equal(DeclaredFunctions.All.Select(f => f.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GeneratedMetadata_EntryPoints_NameTheFunctionMethods()
    {
        var methods = FunctionMethods().ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, m => m.DeclaringType!.FullName + "." + m.Name);

        foreach (var entry in GeneratedMetadata.ReadEntries())
        {
            var name = (string)entry["name"]!;
            Assert.Equal(methods[name], (string?)entry["entryPoint"]);
            Assert.Equal("Alignment.Functions.dll", (string?)entry["scriptFile"]);
        }
    }

    [Fact]
    public void BicepAppSettings_ScheduleSettings_AreExactlyTheTimersWithTheDefaults()
    {
        Assert.Equal(Expected(), Sorted(DeploymentSettings.Bicep()));
    }

    [Fact]
    public void LocalSettingsSample_ScheduleSettings_AreExactlyTheTimersWithTheDefaults()
    {
        Assert.Equal(Expected(), Sorted(DeploymentSettings.LocalSettingsSample()));
    }

    [Fact]
    public void ConfigurationDoc_ScheduleRows_AreExactlyTheTimersWithTheDefaults()
    {
        Assert.Equal(Expected(), Sorted(DeploymentSettings.ConfigurationDoc()));
    }

    [Fact]
    public void ScheduleOptions_Settings_AreExactlyTheTimersOfTheApp()
    {
        // alignment serve runs a timer per ScheduleOptions entry: the same set as the Functions app.
        Assert.Equal(DeclaredFunctions.ScheduleSettings, DefaultSchedules.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Each timer's schedule setting with its default expression (the value Bicep, the sample and the docs give).</summary>
    private static List<KeyValuePair<string, string?>> Expected() =>
        [.. DeclaredFunctions.ScheduleSettings.Select(key => KeyValuePair.Create(key, DefaultSchedules.GetValueOrDefault(key)))];

    private static List<KeyValuePair<string, string?>> Sorted(IReadOnlyDictionary<string, string?> settings) =>
        [.. settings.OrderBy(s => s.Key, StringComparer.Ordinal)];

    private static IEnumerable<MethodInfo> FunctionMethods() =>
        typeof(HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);
}
