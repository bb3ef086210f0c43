using System.Text.Json;
using Alignment.TestKit.Paths;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;

namespace Alignment.Functions.Tests.Composition;

/// <summary>The app settings a test worker starts with: <c>local.settings.sample.json</c>'s values, then overrides.</summary>
public static class WorkerSettings
{
    /// <summary>The sample's <c>Values</c> as configuration keys (<c>Alignment__Crm</c> → <c>Alignment:Crm</c>), the model path made absolute.</summary>
    public static Dictionary<string, string?> Sample()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("local.settings.sample.json")));
        var values = document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString(), StringComparer.OrdinalIgnoreCase);
        values["Alignment:Sync:ModelPath"] = RepoPaths.InRepo(values["Alignment:Sync:ModelPath"]!.Split('/'));
        return values;
    }

    /// <summary>The sample with <paramref name="overrides"/> on top; a null value removes the setting.</summary>
    public static Dictionary<string, string?> Sample(IReadOnlyDictionary<string, string?> overrides)
    {
        var values = Sample();
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>The worker's own builder (as <c>Program.cs</c> makes it) with <paramref name="settings"/> as its configuration.</summary>
    public static FunctionsApplicationBuilder Builder(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    /// <summary>Writes <paramref name="settings"/> as a <c>local.settings.json</c> (<c>Values</c>, keys with <c>__</c>).</summary>
    public static void WriteLocalSettings(string path, IReadOnlyDictionary<string, string?> settings)
    {
        var values = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        File.WriteAllText(path, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
    }
}
