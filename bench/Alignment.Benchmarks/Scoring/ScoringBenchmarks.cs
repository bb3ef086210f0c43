using Alignment.Core.Accounts;
using Alignment.Core.Evaluation;
using Alignment.Core.Model;
using Alignment.Core.Scoring;
using Alignment.Core.Signals;
using BenchmarkDotNet.Attributes;

namespace Alignment.Benchmarks.Scoring;

/// <summary>
/// The scoring hot path: 100,000 accounts × 50 signals each (mixed kinds, ages 0–120 days, 1–8 contacts), scored with
/// the default model. Figures are per account (<c>OperationsPerInvoke</c>). Run:
/// <c>dotnet run -c Release --project bench/Alignment.Benchmarks -- --filter '*Scoring*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    public const int AccountCount = 100_000;
    public const int SignalsPerAccount = 50;

    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private static readonly string[] Industries = ["Software", "Fintech", "Retail", "Healthcare", "Information Technology", "Logistics"];
    private static readonly string[] Countries = ["US", "GB", "DE", "FR", "CA", "JP"];
    private static readonly string[][] Stacks = [["Salesforce"], ["HubSpot", "Marketo"], ["SAP"], []];

    private Account[] _accounts = [];
    private AccountScorer _scorer = null!;
    private AccountEvaluator _evaluator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = ModelFileReader.Read(File.ReadAllText(FindModelFile())).Model
            ?? throw new InvalidOperationException("config/scoring.json is invalid.");
        _scorer = new AccountScorer(model);
        _evaluator = new AccountEvaluator(model);
        _accounts = CreateAccounts(new Random(20261120));
    }

    /// <summary>Scores every account: the per-run work of the scoring job, without reasons.</summary>
    [Benchmark(OperationsPerInvoke = AccountCount, Baseline = true)]
    public long ScoreAccount()
    {
        long total = 0;
        foreach (var account in _accounts)
        {
            total += _scorer.Score(account, AsOf).Score;
        }

        return total;
    }

    /// <summary>The full evaluation (scores, tier, reasons): reasons allocate, by design outside the hot path.</summary>
    [Benchmark(OperationsPerInvoke = AccountCount)]
    public long EvaluateAccountWithReasons()
    {
        long total = 0;
        foreach (var account in _accounts)
        {
            total += _evaluator.Evaluate(account, AsOf).Reasons.Length;
        }

        return total;
    }

    internal static Account[] CreateAccounts(Random random)
    {
        var kinds = Enum.GetValues<SignalKind>();
        var result = new Account[AccountCount];
        for (var a = 0; a < result.Length; a++)
        {
            var contacts = new string[random.Next(1, 9)];
            for (var c = 0; c < contacts.Length; c++)
            {
                contacts[c] = $"003Dn{a:D7}{c:D2}";
            }

            var signals = new Signal[SignalsPerAccount];
            for (var s = 0; s < signals.Length; s++)
            {
                var kind = kinds[random.Next(kinds.Length)];
                var at = AsOf - TimeSpan.FromMinutes(random.Next(-60, 120 * 1440));
                var contact = random.Next(10) == 0 ? null : contacts[random.Next(contacts.Length)];
                double? strength = kind == SignalKind.ThirdPartyIntent ? random.NextDouble() : null;
                signals[s] = new Signal(kind, at, contact, Strength: strength);
            }

            result[a] = new Account
            {
                Id = $"001Dn{a:D10}",
                Employees = random.Next(10, 20_000),
                Industry = Industries[random.Next(Industries.Length)],
                Country = Countries[random.Next(Countries.Length)],
                Technologies = [.. Stacks[random.Next(Stacks.Length)]],
                AnnualRevenue = random.Next(1, 5_000) * 1_000_000m,
                Signals = [.. signals],
            };
        }

        return result;
    }

    private static string FindModelFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "config", "scoring.json");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "Alignment.sln")))
            {
                return path;
            }
        }

        throw new FileNotFoundException("config/scoring.json not found above " + AppContext.BaseDirectory);
    }
}
