using System.Collections.Immutable;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Model;
using Alignment.Core.Scoring;
using Alignment.Core.Signals;

namespace Alignment.Core.Reasons;

/// <summary>
/// Explains a score: the top contributors to the composite (ICP fit, each signal kind, the buying group), ordered by
/// their weighted contribution, as short texts a rep can read (e.g. <c>Pricing page ×3 in 7d</c>). Kept out of the
/// scoring hot path; it allocates.
/// </summary>
public sealed class ReasonFormatter
{
    /// <summary>How many reasons are reported by default.</summary>
    public const int DefaultCount = 3;

    private readonly AccountScorer _scorer;
    private readonly ScoreWeights _weights;

    public ReasonFormatter(AlignmentModel model)
        : this(new AccountScorer(model), model)
    {
    }

    internal ReasonFormatter(AccountScorer scorer, AlignmentModel model)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(model);
        this._scorer = scorer;
        _weights = model.Weights;
    }

    /// <summary>The top <paramref name="count"/> reasons, biggest contribution first; contributors worth 0 are left out.</summary>
    public ImmutableArray<string> Explain(Account account, DateTimeOffset asOf, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(account);
        var contributors = new List<(double Contribution, string Text)>();
        AddFit(account, contributors);
        AddSignals(account, asOf, contributors);
        return [.. contributors
            .Where(c => c.Contribution > 0)
            .OrderByDescending(c => c.Contribution)
            .Take(count)
            .Select(c => c.Text)];
    }

    private void AddFit(Account account, List<(double, string)> contributors)
    {
        var fit = _scorer.FitScorer;
        var parts = new List<(double Points, int Order, string Text)>();
        for (var i = 0; i < fit.CriterionCount; i++)
        {
            var points = fit.PointsOf(i, account, out var band);
            if (points > 0)
            {
                var criterion = fit.CriterionAt(i);
                parts.Add((points, PhraseOrder(criterion.Field), Describe(criterion, account, band)));
            }
        }

        if (parts.Count > 0)
        {
            var score = fit.Score(account);
            // The two biggest criteria, phrased "what it is, how big, where": industry before size before place.
            var top = parts.OrderByDescending(p => p.Points).Take(2).OrderBy(p => p.Order).Select(p => p.Text);
            contributors.Add((_weights.Fit * score, "ICP: " + string.Join(", ", top)));
        }
    }

    private void AddSignals(Account account, DateTimeOffset asOf, List<(double, string)> contributors)
    {
        var kinds = Enum.GetValues<SignalKind>().Length;
        var sums = new double[kinds];
        var counts = new int[kinds];
        var oldest = new long[kinds];
        var contacts = new HashSet<string>(StringComparer.Ordinal);
        double intentTotal = 0, engagementTotal = 0;
        foreach (var signal in account.Signals.IsDefault ? [] : account.Signals)
        {
            var category = SignalKinds.CategoryOf(signal.Kind);
            var table = category switch
            {
                SignalCategory.Intent => _scorer.IntentWeights,
                SignalCategory.Engagement => _scorer.EngagementWeights,
                _ => null,
            };
            var age = Math.Max(0, asOf.UtcTicks - signal.At.UtcTicks);
            if (table is null || age >= table.WindowTicks)
            {
                continue;
            }

            if (category == SignalCategory.Engagement && signal.ContactId is not null)
            {
                contacts.Add(signal.ContactId);
            }

            var value = table.PointsOf(signal) * table.Decay(age);
            if (value <= 0)
            {
                continue;
            }

            var k = (int)signal.Kind;
            sums[k] += value;
            counts[k]++;
            oldest[k] = Math.Max(oldest[k], age);
            if (category == SignalCategory.Intent)
            {
                intentTotal += value;
            }
            else
            {
                engagementTotal += value;
            }
        }

        var bonus = contacts.Count > 1 ? _scorer.EngagementWeights.Bonus(contacts.Count) : 0;
        var intentScale = Scale(intentTotal, _scorer.IntentWeights.Cap);
        var engagementScale = Scale(engagementTotal + bonus, _scorer.EngagementWeights.Cap);
        for (var k = 0; k < kinds; k++)
        {
            if (counts[k] == 0)
            {
                continue;
            }

            var kind = (SignalKind)k;
            var intent = SignalKinds.CategoryOf(kind) == SignalCategory.Intent;
            var contribution = sums[k] * (intent ? _weights.Intent * intentScale : _weights.Engagement * engagementScale);
            contributors.Add((contribution, Occurrences(kind, counts[k], oldest[k])));
        }

        if (bonus > 0)
        {
            contributors.Add((bonus * _weights.Engagement * engagementScale,
                string.Create(CultureInfo.InvariantCulture, $"{contacts.Count} engaged contacts")));
        }
    }

    /// <summary><c>Pricing page ×3 in 7d</c> (7 = the oldest's age in whole days, rounded up); one: <c>Demo attended 2d ago</c> or <c>today</c>.</summary>
    private static string Occurrences(SignalKind kind, int count, long oldestAgeTicks)
    {
        if (count == 1)
        {
            var ago = oldestAgeTicks / TimeSpan.TicksPerDay;
            return ago == 0 ? $"{Label(kind)} today" : string.Create(CultureInfo.InvariantCulture, $"{Label(kind)} {ago}d ago");
        }

        var days = Math.Max(1, (long)Math.Ceiling((double)oldestAgeTicks / TimeSpan.TicksPerDay));
        return string.Create(CultureInfo.InvariantCulture, $"{Label(kind)} ×{count} in {days}d");
    }

    private static int PhraseOrder(FitField field) => field switch
    {
        FitField.Industry => 0,
        FitField.Employees => 1,
        FitField.AnnualRevenue => 2,
        FitField.Country => 3,
        _ => 4,
    };

    private static double Scale(double total, double cap) => total > cap ? cap / total : 1;

    private static string Describe(FitCriterion criterion, Account account, FitBand? band) => criterion.Field switch
    {
        FitField.Employees when band is not null => $"{Range(band, Plain)} employees",
        FitField.AnnualRevenue when band is not null => $"revenue {Range(band, Compact)}",
        FitField.Industry => account.Industry?.Trim() ?? criterion.Id,
        FitField.Country => account.Country?.Trim() ?? criterion.Id,
        FitField.Technologies => account.Technologies.FirstOrDefault(t => criterion.AnyOf.Any(a => string.Equals(a, t?.Trim(), StringComparison.OrdinalIgnoreCase)))?.Trim() ?? criterion.Id,
        _ => criterion.Id,
    };

    private static string Range(FitBand band, Func<double, string> format) =>
        band.Max is { } max ? $"{format(band.Min)}–{format(max)}" : $"{format(band.Min)}+";

    private static string Plain(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Compact(double value) => Math.Abs(value) switch
    {
        >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B",
        >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "K",
        _ => Plain(value),
    };

    /// <summary>The reader-facing name of a kind.</summary>
    public static string Label(SignalKind kind) => kind switch
    {
        SignalKind.WebVisit => "Web visit",
        SignalKind.PricingPageView => "Pricing page",
        SignalKind.ContentDownload => "Content download",
        SignalKind.AdClick => "Ad click",
        SignalKind.EmailOpen => "Email open",
        SignalKind.EmailClick => "Email click",
        SignalKind.ThirdPartyIntent => "Third-party intent",
        SignalKind.EmailReply => "Email reply",
        SignalKind.MeetingBooked => "Meeting booked",
        SignalKind.DemoAttended => "Demo attended",
        SignalKind.CallConnected => "Call connected",
        SignalKind.FormSubmit => "Form submit",
        SignalKind.SalesTouch => "Sales touch",
        _ => kind.ToString(),
    };
}
