using System.CommandLine;
using System.Globalization;
using Alignment.Cli.Calibrate;
using Alignment.Cli.Composition;
using Alignment.Core.Calibration;
using Alignment.Core.Model;
using Alignment.Core.Snapshots;

namespace Alignment.Cli.Commands;

/// <summary>
/// <c>alignment calibrate [--input SNAPSHOT] [--model FILE] [--as-of INSTANT] [--format table|json] [--html FILE]
/// [--propose FILE]</c>: measures the model against closed opportunities (docs/calibration.md) and suggests weights
/// and thresholds, never applying them. Without <c>--input</c> it reads the configured CRM (live mode). Exit codes: 0
/// done, 1 an output file could not be written or the CRM failed, 2 bad command line, input, model file or settings
/// (message on stderr with the JSON path; nothing on stdout), 3 stopped at the CRM's API budget.
/// </summary>
internal sealed class CalibrateCommand : Command
{
    private readonly Option<FileInfo> _input = new("--input", "-i")
    {
        Description = "Snapshot file: the evaluate snapshot plus a top-level \"opportunities\" array (docs/calibration.md). Without it: read from the configured CRM.",
    };

    private readonly Option<int> _windowDays = new("--window-days")
    {
        Description = "Live mode: opportunities closed in the last N days (default 365).",
        DefaultValueFactory = _ => 365,
    };

    private readonly Option<FileInfo?> _model = new("--model", "-m")
    {
        Description = "Scoring model file to calibrate. Default: config/scoring.json next to the executable.",
    };

    private readonly Option<string?> _asOf = new("--as-of")
    {
        Description = "Instant of the what-if over all accounts, ISO-8601 with offset. Default: the snapshot's asOf.",
    };

    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "Output: table or json (the contract of docs/calibration.md).",
        DefaultValueFactory = _ => "table",
    };

    private readonly Option<FileInfo?> _html = new("--html")
    {
        Description = "Also write a self-contained HTML report (ROC, lift and tier charts) to this file.",
    };

    private readonly Option<FileInfo?> _propose = new("--propose")
    {
        Description = "Write the proposed model file (version bumped, validated) here for review; nothing is applied.",
    };

    private readonly Option<string?> _capacities = new("--capacities")
    {
        Description = "Target shares of all accounts in Tier1,Tier2,Tier3 for the suggested thresholds. Default: 0.05,0.15,0.30.",
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed of the bootstrap and the cross-validation folds (same input and seed, same report).",
        DefaultValueFactory = _ => new CalibrationOptions().Seed,
    };

    private readonly Option<int> _resamples = new("--resamples")
    {
        Description = "Bootstrap resamples for the AUC intervals (0..100000).",
        DefaultValueFactory = _ => new CalibrationOptions().Resamples,
    };

    private readonly Option<int> _minSegment = new("--min-segment")
    {
        Description = "Fewest high-tier opportunities for a segment to be tested for drift.",
        DefaultValueFactory = _ => new CalibrationOptions().MinimumSegmentOpportunities,
    };

    public CalibrateCommand()
        : base("calibrate", "Measure the scoring model against closed-won and closed-lost opportunities; suggest weights and thresholds (never applied).")
    {
        _format.AcceptOnlyFromAmong("json", "table");
        _resamples.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 100_000)
            {
                r.AddError("--resamples must be between 0 and 100000, e.g. 1000.");
            }
        });
        _windowDays.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3650)
            {
                r.AddError("--window-days must be between 1 and 3650, e.g. 365.");
            }
        });
        _minSegment.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--min-segment must be at least 1, e.g. 20.");
            }
        });
        Options.Add(_input);
        Options.Add(_model);
        Options.Add(_asOf);
        Options.Add(_format);
        Options.Add(_html);
        Options.Add(_propose);
        Options.Add(_capacities);
        Options.Add(_seed);
        Options.Add(_resamples);
        Options.Add(_minSegment);
        Options.Add(_windowDays);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;

        var options = new CalibrationOptions
        {
            Seed = parseResult.GetValue(_seed),
            Resamples = parseResult.GetValue(_resamples),
            MinimumSegmentOpportunities = parseResult.GetValue(_minSegment),
        };
        if (parseResult.GetValue(_capacities) is { } capacityText)
        {
            if (ParseCapacities(capacityText) is not { } parsed || parsed.Validate() is not null)
            {
                await stderr.WriteLineAsync($"alignment calibrate: --capacities '{capacityText}': {(ParseCapacities(capacityText)?.Validate() ?? "expected three shares separated by commas")}; e.g. --capacities 0.05,0.15,0.30.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            options = options with { Capacities = parsed };
        }

        var modelPath = parseResult.GetValue(_model)?.FullName ?? EvaluateCommand.DefaultModelPath;
        var modelText = await ReadFileAsync(modelPath, "--model", stderr, cancellationToken).ConfigureAwait(false);
        if (modelText is null)
        {
            return ExitCodes.BadInput;
        }

        var modelResult = ModelFileReader.Read(modelText);
        if (!modelResult.IsValid)
        {
            await ReportAsync(stderr, $"invalid model file {modelPath}", modelResult.Errors).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (parseResult.GetValue(_input) is null)
        {
            return await CommandHost.RunAsync(parseResult, async (services, _, ct) =>
            {
                var live = await LiveCalibrationSource.ReadAsync(services, modelResult.Model, parseResult.GetValue(_windowDays), stderr, ct).ConfigureAwait(false);
                if (live is null)
                {
                    return ExitCodes.BadInput;
                }

                var liveReport = new Calibrator(modelResult.Model, options).Run(live.Accounts, live.Opportunities, live.AsOf, ct);
                return await WriteOutputsAsync(parseResult, liveReport, modelText, stdout, stderr, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        var inputPath = parseResult.GetValue(_input)!.FullName;
        var inputText = await ReadFileAsync(inputPath, "--input", stderr, cancellationToken).ConfigureAwait(false);
        if (inputText is null)
        {
            return ExitCodes.BadInput;
        }

        var snapshot = SnapshotReader.Read(inputText);
        var opportunities = OpportunityReader.Read(inputText);
        if (!snapshot.IsValid || !opportunities.IsValid)
        {
            await ReportAsync(stderr, $"invalid snapshot {inputPath}", [.. snapshot.Errors, .. opportunities.Errors]).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        DateTimeOffset instant;
        var asOfText = parseResult.GetValue(_asOf);
        if (asOfText is not null)
        {
            if (!EvaluateCommand.TryParseInstant(asOfText, out instant))
            {
                await stderr.WriteLineAsync($"alignment calibrate: --as-of '{asOfText}' is not an ISO-8601 instant with an offset; write e.g. 2026-11-20T15:00:00Z.").ConfigureAwait(false);
                return ExitCodes.BadInput;
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
            return ExitCodes.BadInput;
        }

        var report = new Calibrator(modelResult.Model, options).Run(snapshot.Accounts, opportunities.Opportunities, instant, cancellationToken);
        return await WriteOutputsAsync(parseResult, report, modelText, stdout, stderr, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> WriteOutputsAsync(ParseResult parseResult, CalibrationReport report, string modelText, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(_propose) is { } proposePath)
        {
            var proposed = ProposedModelWriter.Write(modelText, report.Proposal);
            var check = ModelFileReader.Read(proposed);
            if (!check.IsValid)
            {
                await ReportAsync(stderr, "the proposed model does not validate (nothing written)", check.Errors).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            if (!await WriteFileAsync(proposePath.FullName, "--propose", proposed, stderr, cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Failure;
            }
        }

        if (parseResult.GetValue(_html) is { } htmlPath
            && !await WriteFileAsync(htmlPath.FullName, "--html", CalibrationHtmlWriter.Write(report), stderr, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Failure;
        }

        if (parseResult.GetValue(_format) == "json")
        {
            await stdout.WriteAsync(CalibrationJsonWriter.Write(report)).ConfigureAwait(false);
        }
        else
        {
            CalibrationTableWriter.Write(stdout, report);
        }

        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    internal static TierCapacities? ParseCapacities(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[3];
        if (parts.Length != 3)
        {
            return null;
        }

        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return null;
            }
        }

        return new TierCapacities(values[0], values[1], values[2]);
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
            await stderr.WriteLineAsync($"alignment calibrate: {option} {path}: {reason}; pass an existing JSON file.").ConfigureAwait(false);
            return null;
        }
    }

    private static async Task<bool> WriteFileAsync(string path, string option, string content, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"alignment calibrate: {option} {path}: {ex.Message}; pass a writable path.").ConfigureAwait(false);
            return false;
        }
    }

    private static async Task ReportAsync(TextWriter stderr, string what, IEnumerable<ModelError> errors)
    {
        await stderr.WriteLineAsync($"alignment calibrate: {what}:").ConfigureAwait(false);
        foreach (var error in errors)
        {
            await stderr.WriteLineAsync($"  {error.Path}: {error.Message}").ConfigureAwait(false);
        }
    }
}
