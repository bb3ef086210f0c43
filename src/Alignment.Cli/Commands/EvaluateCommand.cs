using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Evaluate;
using Alignment.Core.Evaluation;
using Alignment.Core.Model;
using Alignment.Core.Snapshots;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment evaluate --input FILE [--model FILE] [--as-of INSTANT] [--format json|table]</c>: scores the accounts
/// of a snapshot file with a model file and prints one result per account, in input order. Exit codes
/// (<see cref="ExitCodes"/>, docs/snapshot-format.md): 0 done; 2 bad command line (refused by the parser, see
/// <see cref="CommandCatalog"/>), bad input or model file (message on stderr with the JSON path; nothing on stdout).
/// </summary>
internal sealed class EvaluateCommand : Command
{
    public const int Success = ExitCodes.Ok;
    public const int BadInput = ExitCodes.BadInput;

    private readonly Option<FileInfo> _input = new("--input", "-i")
    {
        Description = "Snapshot file (JSON, the snapshot format of docs/scoring-model.md).",
        Required = true,
    };

    private readonly Option<FileInfo?> _model = new("--model", "-m")
    {
        Description = "Scoring model file. Default: config/scoring.json next to the executable.",
    };

    private readonly Option<string?> _asOf = new("--as-of")
    {
        Description = "Evaluation instant, ISO-8601 with offset (e.g. 2026-11-20T15:00:00Z). Default: the snapshot's asOf.",
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Output: json (one array, one object per account) or table.",
        DefaultValueFactory = _ => "table",
    };

    public EvaluateCommand()
        : base("evaluate", "Score the accounts of a snapshot file with a scoring model and print scores, tiers and reasons.")
    {
        _format.AcceptOnlyFromAmong("json", "table");
        Options.Add(_input);
        Options.Add(_model);
        Options.Add(_asOf);
        Options.Add(_format);
        SetAction(RunAsync);
    }

    /// <summary>The model file used when <c>--model</c> is not given.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "config", "scoring.json");

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;

        var modelPath = parseResult.GetValue(_model)?.FullName ?? DefaultModelPath;
        var modelText = await ReadFileAsync(modelPath, "--model", stderr, cancellationToken).ConfigureAwait(false);
        if (modelText is null)
        {
            return BadInput;
        }

        var modelResult = ModelFileReader.Read(modelText);
        if (!modelResult.IsValid)
        {
            await ReportAsync(stderr, $"invalid model file {modelPath}", modelResult.Errors).ConfigureAwait(false);
            return BadInput;
        }

        var inputPath = parseResult.GetValue(_input)!.FullName;
        var inputText = await ReadFileAsync(inputPath, "--input", stderr, cancellationToken).ConfigureAwait(false);
        if (inputText is null)
        {
            return BadInput;
        }

        var snapshot = SnapshotReader.Read(inputText);
        if (!snapshot.IsValid)
        {
            await ReportAsync(stderr, $"invalid snapshot {inputPath}", snapshot.Errors).ConfigureAwait(false);
            return BadInput;
        }

        DateTimeOffset instant;
        var asOfText = parseResult.GetValue(_asOf);
        if (asOfText is not null)
        {
            if (!TryParseInstant(asOfText, out instant))
            {
                await stderr.WriteLineAsync($"alignment evaluate: --as-of '{asOfText}' is not an ISO-8601 instant with an offset; write e.g. 2026-11-20T15:00:00Z.").ConfigureAwait(false);
                return BadInput;
            }
        }
        else if (snapshot.AsOf is { } snapshotAsOf)
        {
            instant = snapshotAsOf;
        }
        else
        {
            await ReportAsync(stderr, $"invalid snapshot {inputPath}",
                [new ModelError("$.asOf", "the snapshot has no asOf; add \"asOf\": \"2026-11-20T15:00:00Z\" or pass --as-of.")]).ConfigureAwait(false);
            return BadInput;
        }

        var evaluator = new AlignmentEvaluator(modelResult.Model);
        var results = ImmutableArray.CreateBuilder<EvaluatedAccount>(snapshot.Accounts.Length);
        foreach (var account in snapshot.Accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(new EvaluatedAccount(account, evaluator.Evaluate(account, instant)));
        }

        if (parseResult.GetValue(_format) == "json")
        {
            await stdout.WriteAsync(EvaluationJsonWriter.Write(results.ToImmutable())).ConfigureAwait(false);
        }
        else
        {
            EvaluationTableWriter.Write(stdout, results.ToImmutable(), instant, modelResult.Model.Version);
        }

        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Success;
    }

    internal static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local)
            || local.Kind == DateTimeKind.Unspecified)
        {
            return false;
        }

        instant = parsed.ToUniversalTime();
        return true;
    }

    private static async Task<string?> ReadFileAsync(string path, string option, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message;
            await stderr.WriteLineAsync($"alignment evaluate: {option} {path}: {reason}; pass an existing JSON file.").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task ReportAsync(TextWriter stderr, string what, IEnumerable<ModelError> errors)
    {
        await stderr.WriteLineAsync($"alignment evaluate: {what}:").ConfigureAwait(false);
        foreach (var error in errors)
        {
            await stderr.WriteLineAsync($"  {error.Path}: {error.Message}").ConfigureAwait(false);
        }
    }
}
