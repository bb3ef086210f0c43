using Alignment.Storage.Tables;
using Microsoft.Extensions.Options;

namespace Alignment.Storage;

/// <summary>Checks <see cref="TableStateOptions"/> at start-up; messages name the setting and give an example.</summary>
internal sealed class TableStateOptionsValidator : IValidateOptions<TableStateOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStateOptions options)
    {
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasUri = options.TableServiceUri is not null;
        if (hasConnectionString == hasUri)
        {
            failures.Add(
                $"Set exactly one of {TableStateOptions.SectionName}:ConnectionString (e.g. \"UseDevelopmentStorage=true\") " +
                $"or {TableStateOptions.SectionName}:TableServiceUri (e.g. \"https://mystorage.table.core.windows.net\", used with managed identity).");
        }

        if (hasUri && (!options.TableServiceUri!.IsAbsoluteUri || options.TableServiceUri.Scheme is not ("https" or "http")))
        {
            failures.Add($"{TableStateOptions.SectionName}:TableServiceUri must be an absolute http(s) URL, e.g. \"https://mystorage.table.core.windows.net\".");
        }

        if (!TableNames.IsValidPrefix(options.TablePrefix))
        {
            failures.Add(
                $"{TableStateOptions.SectionName}:TablePrefix must be 1–{TableNames.MaxPrefixLength} letters or digits starting with a letter, e.g. \"alignment\".");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
