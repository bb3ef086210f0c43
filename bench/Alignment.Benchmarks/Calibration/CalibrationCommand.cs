using System.Diagnostics;
using System.Globalization;
using Alignment.Core.Calibration;
using Alignment.Core.Model;
using Alignment.Core.Snapshots;

namespace Alignment.Benchmarks.Calibration;

/// <summary>
/// Time and peak memory of <c>alignment calibrate</c>'s work on a generated snapshot file (100,000 accounts, 20,000
/// closed opportunities by default): reading the file (accounts and opportunities), the calibration (point-in-time
/// scoring, bootstrap, segments, cross-validated regression, thresholds, what-if over all accounts) and writing the
/// proposed model. The file is written first; the calibration runs in a child process (<c>--client FILE</c>) so its
/// peak working set is its own. Options: <c>--accounts N --opportunities N --resamples N --model FILE</c>.
/// </summary>
public sealed class CalibrationCommand : IBenchCommand
{
    private const string ResultPrefix = "result ";

    public string Name => "calibration";

    public string Description => "alignment calibrate's work: 100,000 accounts, 20,000 closed opportunities (time, peak memory)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var model = Arg(args, "--model") ?? FindModel();
        var resamples = int.Parse(Arg(args, "--resamples") ?? "1000", CultureInfo.InvariantCulture);
        if (Arg(args, "--client") is { } file)
        {
            return Calibrate(file, model, resamples, cancellationToken);
        }

        var accounts = int.Parse(Arg(args, "--accounts") ?? "100000", CultureInfo.InvariantCulture);
        var opportunities = int.Parse(Arg(args, "--opportunities") ?? "20000", CultureInfo.InvariantCulture);
        var path = Path.Combine(Path.GetTempPath(), $"alignment-calibration-bench-{Environment.ProcessId}.json");
        try
        {
            var clock = Stopwatch.StartNew();
            CalibrationBenchOrg.Write(path, accounts, opportunities, seed: 14);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"calibration: wrote {accounts} accounts and {opportunities} opportunities ({new FileInfo(path).Length / (1024.0 * 1024):F1} MB) in {clock.Elapsed.TotalSeconds:F1} s; calibrating in a child process, {resamples} bootstrap resamples"));

            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add(typeof(CalibrationCommand).Assembly.Location);
            }

            foreach (var arg in new[] { Name, "--client", path, "--model", model, "--resamples", resamples.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }

            using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the calibrating process.");
            var stdout = child.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
            await child.WaitForExitAsync(cancellationToken);
            var output = (await stdout) + (await stderr);
            Console.Write(output);
            return child.ExitCode == 0 && output.Contains(ResultPrefix, StringComparison.Ordinal) ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int Calibrate(string file, string modelPath, int resamples, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var modelText = File.ReadAllText(modelPath);
        var model = ModelFileReader.Read(modelText).Model ?? throw new InvalidOperationException($"{modelPath} is not a valid model file.");
        var text = File.ReadAllText(file);
        var snapshot = SnapshotReader.Read(text);
        var opportunities = OpportunityReader.Read(text);
        text = null;
        if (!snapshot.IsValid || !opportunities.IsValid)
        {
            Console.WriteLine("the generated snapshot does not read: " + string.Join("; ", snapshot.Errors.Concat(opportunities.Errors).Take(5)));
            return 1;
        }

        var read = total.Elapsed;
        var report = new Calibrator(model, new CalibrationOptions { Resamples = resamples })
            .Run(snapshot.Accounts, opportunities.Opportunities, snapshot.AsOf ?? CalibrationBenchOrg.AsOf, cancellationToken);
        var calibrated = total.Elapsed - read;
        var proposed = ProposedModelWriter.Write(modelText, report.Proposal);
        var valid = ModelFileReader.Read(proposed).IsValid;
        total.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var composite = report.Dimensions[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {snapshot.Accounts.Length} accounts and {opportunities.Opportunities.Length} opportunities in {read.TotalSeconds:F1} s; calibrated in {calibrated.TotalSeconds:F1} s; total {total.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"composite AUC {composite.Auc:F3} [{composite.Low:F3}, {composite.High:F3}]; {report.Segments.Count(s => s.Flagged)} segments flagged; proposal {report.Proposal.Model.Version} valid: {valid}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix}peak-working-set-mb={self.PeakWorkingSet64 / (1024.0 * 1024):F0} managed-heap-mb={GC.GetTotalMemory(false) / (1024.0 * 1024):F0} allocated-mb={GC.GetTotalAllocatedBytes() / (1024.0 * 1024):F0}"));
        return valid ? 0 : 1;
    }

    private static string FindModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "scoring.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/scoring.json not found above the bench; pass --model FILE.");
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
