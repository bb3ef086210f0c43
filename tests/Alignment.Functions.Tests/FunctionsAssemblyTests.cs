using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Alignment.Functions.Tests;

public sealed class FunctionsAssemblyTests
{
    [Fact]
    public void FunctionClasses_EachPublicFunctionMethod_HasAUniqueName()
    {
        var names = typeof(Alignment.Functions.Triggers.HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .ToList();

        Assert.Contains("HubSpotWebhook", names);
        Assert.Contains("ScoreAccounts", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
