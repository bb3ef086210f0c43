using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alignment.Hosting.Configuration;

/// <summary>
/// Runs every options validator the composed projects registered (data annotations, <c>IValidateOptions</c>) once,
/// against a throw-away provider, so that all their failures are reported together with the composition root's own
/// instead of one <c>OptionsValidationException</c> at a time on first use.
/// </summary>
public static partial class RegisteredOptionsValidator
{
    public static IReadOnlyList<ConfigurationProblem> Validate(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionTypes = services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType
                && (t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) || t.GetGenericTypeDefinition() == typeof(IValidateOptions<>)))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("Alignment", StringComparison.Ordinal) == true)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        if (optionTypes.Count == 0)
        {
            return [];
        }

        IServiceCollection copy = new ServiceCollection();
        foreach (var descriptor in services)
        {
            copy.Add(descriptor);
        }

        var problems = new List<ConfigurationProblem>();
        using var provider = copy.BuildServiceProvider();
        foreach (var type in optionTypes)
        {
            var factory = provider.GetRequiredService(typeof(IOptionsFactory<>).MakeGenericType(type));
            var create = factory.GetType().GetMethod(nameof(IOptionsFactory<object>.Create))!;
            try
            {
                create.Invoke(factory, [Options.DefaultName]);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException failed)
            {
                problems.AddRange(failed.Failures.Select(f => new ConfigurationProblem(SettingNamedIn(f) ?? SectionOf(type), f)));
            }
            catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException binding)
            {
                problems.Add(FromBindingFailure(type, binding));
            }
        }

        return problems;
    }

    /// <summary>The options class's <c>SectionName</c> constant, else its type name.</summary>
    private static string SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? type.Name;

    /// <summary>The first full setting key a validator's message names (<c>Alignment:Slack:WebhookUrl</c>), if any.</summary>
    private static string? SettingNamedIn(string failure)
    {
        var match = SettingKey().Match(failure);
        return match.Success ? match.Value : null;
    }

    // The binder's message quotes the value; keep only the path and the type so that no secret reaches a log.
    private static ConfigurationProblem FromBindingFailure(Type type, InvalidOperationException binding)
    {
        var match = BindingFailure().Match(binding.Message);
        return match.Success
            ? new ConfigurationProblem(match.Groups["path"].Value, $"cannot be read as {Friendly(match.Groups["type"].Value)}.")
            : new ConfigurationProblem(SectionOf(type), "could not be bound: " + binding.GetType().Name + ".");
    }

    private static string Friendly(string typeName) =>
        typeName switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration (hh:mm:ss)",
            "System.Uri" => "an absolute URL",
            "System.Double" or "System.Decimal" => "a number",
            _ => typeName[(typeName.LastIndexOf('.') + 1)..],
        };

    [GeneratedRegex(@"\bAlignment(:[A-Za-z0-9]+)+")]
    private static partial Regex SettingKey();

    [GeneratedRegex("at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BindingFailure();
}
