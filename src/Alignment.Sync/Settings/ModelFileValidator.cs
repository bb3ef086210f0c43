using Microsoft.Extensions.Options;

namespace Alignment.Sync.Settings;

/// <summary>Refuses to start when the model file named by <see cref="SyncOptions.ModelPath"/> is missing or invalid, listing every error with its JSON path.</summary>
public sealed class ModelFileValidator(AlignmentModelSource source) : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            return ValidateOptionsResult.Skip;
        }

        var (path, result) = source.Load(options.ModelPath);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(AlignmentModelSource.Describe(path, result));
    }
}
