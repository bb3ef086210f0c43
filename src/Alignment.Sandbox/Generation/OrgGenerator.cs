using System.Collections.Immutable;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Signals;
using Alignment.Core.Tiers;

namespace Alignment.Sandbox.Generation;

/// <summary>
/// Generates a realistic org for the sandbox and the demo: companies of every size, industry and country, each owned by
/// a rep in a real time zone, with the web, e-mail, meeting and sales activity of a hot, warm, monitored or cold
/// account over the last 90 days. Deterministic: the same options and <c>asOf</c> give the same org.
/// </summary>
public static class OrgGenerator
{
    /// <summary>The levels given to an account's contacts in turn (a buying committee of mixed seniority).</summary>
    private static readonly Seniority[] Levels = [Seniority.Manager, Seniority.Director, Seniority.Staff, Seniority.VicePresident, Seniority.Executive];

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static GeneratedOrg Generate(OrgGeneratorOptions options, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.AccountCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OwnerCount, 1);
        asOf = asOf.ToUniversalTime();
#pragma warning disable CA5394 // Not security-relevant: a seeded, reproducible sequence is the point.
        var random = new Random(options.Seed);
        var owners = CreateOwners(random, options.OwnerCount);
        var accounts = new List<Account>(options.AccountCount);
        for (var i = 0; i < options.AccountCount; i++)
        {
            var segment = PickSegment(random.NextDouble());
            accounts.Add(CreateAccount(random, i, segment, owners.Reps[random.Next(owners.Reps.Count)], asOf, options.LockedShare));
        }
#pragma warning restore CA5394

        return new GeneratedOrg(asOf, accounts, [.. owners.Reps, .. owners.Managers]);
    }

    /// <summary>An 18-character Salesforce-style id: key prefix, a counter in base 62, a fixed tail.</summary>
    public static string Id(string keyPrefix, int number)
    {
        Span<char> digits = stackalloc char[10];
        var n = (long)number;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = Base62[(int)(n % 62)];
            n /= 62;
        }

        return string.Concat(keyPrefix, "Al", digits, "QAA");
    }

    private static OrgSegment PickSegment(double roll)
    {
        foreach (var segment in OrgSegment.All)
        {
            if (roll < segment.Share)
            {
                return segment;
            }

            roll -= segment.Share;
        }

        return OrgSegment.All[^1];
    }

    private static (List<Owner> Reps, List<Owner> Managers) CreateOwners(Random random, int count)
    {
        var managers = new List<Owner>();
        var reps = new List<Owner>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            var zone = OrgNames.TimeZones[i % OrgNames.TimeZones.Length];
            if (i % 3 == 0)
            {
                managers.Add(new Owner(Id("005", 900 + managers.Count), Email(random, emails), zone));
            }

            reps.Add(new Owner(Id("005", i + 1), Email(random, emails), zone, managers[^1].Id));
        }

        return (reps, managers);
    }

    // A user's e-mail is unique in an org (it is how Slack finds the user): a name drawn twice gets a number, as IT would.
    private static string Email(Random random, HashSet<string> taken)
    {
        var local = string.Create(CultureInfo.InvariantCulture, $"{Pick(random, OrgNames.FirstNames)}.{Pick(random, OrgNames.LastNames)}").ToLowerInvariant();
        var email = local + "@example.com";
        for (var n = 2; !taken.Add(email); n++)
        {
            email = string.Create(CultureInfo.InvariantCulture, $"{local}{n}@example.com");
        }

        return email;
    }

    private static Account CreateAccount(Random random, int index, OrgSegment segment, Owner owner, DateTimeOffset asOf, double lockedShare)
    {
        bool Icp() => random.NextDouble() < segment.IcpChance;
        var employees = Icp() ? LogUniform(random, 200, 5000) : Pick(random, [LogUniform(random, 8, 50), LogUniform(random, 50, 200), LogUniform(random, 5000, 60000)]);
        var industry = Icp() ? Pick(random, OrgNames.IcpIndustries) : Pick(random, OrgNames.OtherIndustries);
        var country = Icp() ? Pick(random, OrgNames.IcpCountries) : Pick(random, OrgNames.OtherCountries);
        var technologies = new SortedSet<string>(StringComparer.Ordinal) { Pick(random, OrgNames.OtherTechnologies) };
        if (Icp())
        {
            technologies.Add(Pick(random, OrgNames.IcpTechnologies));
        }

        if (random.NextDouble() < 0.5)
        {
            technologies.Add(Pick(random, OrgNames.OtherTechnologies));
        }

        var contacts = Enumerable.Range(0, 1 + (int)Math.Round(random.NextDouble() * 5 * Math.Max(segment.Activity, 0.3)))
            .Select(c => Id("003", (index * 10) + c))
            .ToArray();
        // Each contact has a level (its job title in the emulators), spread over the account's contacts without drawing
        // from the random stream, so an org generated before levels existed is the same org with titles added.
        var levels = contacts.Select((id, c) => (id, Levels[(index + c) % Levels.Length])).ToDictionary(x => x.id, x => x.Item2, StringComparer.Ordinal);
        var signals = new ActivityWriter(random, asOf, contacts, segment).Write()
            .Select(s => s.ContactId is { } id && levels.TryGetValue(id, out var level) ? s with { Seniority = level } : s)
            .ToImmutableArray();
        var revenue = Math.Round(employees * (decimal)(120_000 + (random.NextDouble() * 230_000)) / 10_000m) * 10_000m;

        return new Account
        {
            Id = Id("001", index + 1),
            Name = $"{Pick(random, OrgNames.Prefixes)}{Pick(random, OrgNames.Roots)} {Pick(random, OrgNames.Suffixes)}",
            Employees = employees,
            Industry = industry,
            AnnualRevenue = revenue,
            Country = country,
            Technologies = [.. technologies],
            Owner = owner,
            Current = PriorState(random, segment, asOf, lockedShare),
            Signals = signals,
        };
    }

    // A third of the accounts carry the fields of an earlier model version, so a run has real differences to write.
    private static AlignmentState PriorState(Random random, OrgSegment segment, DateTimeOffset asOf, double lockedShare)
    {
        if (random.NextDouble() >= 0.35)
        {
            return AlignmentState.Empty;
        }

        var tier = segment.Name switch
        {
            "hot" => Tier.Tier2,
            "warm" => random.NextDouble() < 0.5 ? Tier.Tier2 : Tier.Tier3,
            "monitored" => random.NextDouble() < 0.6 ? Tier.Tier3 : Tier.None,
            _ => Tier.None,
        };
        var score = tier switch { Tier.Tier2 => 70, Tier.Tier3 => 48, _ => 20 } + random.Next(0, 10);
        return new AlignmentState
        {
            Score = score,
            Tier = tier,
            TierLocked = random.NextDouble() < lockedShare / 0.35,
            ModelVersion = "2026.08.0",
            ScoredAt = asOf.AddDays(-3).AddMinutes(-random.Next(0, 600)),
            Reasons = "Scored by the previous model",
        };
    }

    private static int LogUniform(Random random, int min, int maxExclusive) =>
        Math.Clamp((int)Math.Exp(Math.Log(min) + (random.NextDouble() * (Math.Log(maxExclusive) - Math.Log(min)))), min, maxExclusive - 1);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Writes one account's signals: recent intent, engagement by its contacts, and the owner's own touches.</summary>
    private sealed class ActivityWriter(Random random, DateTimeOffset asOf, string[] contacts, OrgSegment segment)
    {
        private readonly ImmutableArray<Signal>.Builder _signals = ImmutableArray.CreateBuilder<Signal>();

        public ImmutableArray<Signal> Write()
        {
            var a = segment.Activity;
            var buying = random.NextDouble() < segment.BuyingSignals;
            Add(SignalKind.WebVisit, Count(14 * a), 30);
            Add(SignalKind.ContentDownload, Count(3 * a), 30);
            Add(SignalKind.AdClick, Count(2 * a), 30);
            Add(SignalKind.EmailOpen, Count(6 * a), 30, subject: true);
            Add(SignalKind.EmailClick, Count(2 * a), 30, subject: true);
            Add(SignalKind.PricingPageView, buying ? 3 + random.Next(0, 4) : Count(1.5 * a), buying ? 6 : 30);
            if (random.NextDouble() < 0.5 * a)
            {
                Add(SignalKind.ThirdPartyIntent, 1 + random.Next(0, 2), 21, strength: 0.5 + (random.NextDouble() * 0.5));
            }

            Add(SignalKind.EmailReply, Count(3 * a), 60, subject: true);
            Add(SignalKind.FormSubmit, Count(1.2 * a), 60);
            Add(SignalKind.CallConnected, Count(1.5 * a), 60);
            Add(SignalKind.MeetingBooked, buying && random.NextDouble() < 0.6 ? 1 : Count(0.4 * a), buying ? 6 : 80);
            Add(SignalKind.DemoAttended, buying && random.NextDouble() < 0.4 ? 1 : Count(0.2 * a), buying ? 6 : 80);
            if (random.NextDouble() < 0.3 * a)
            {
                // Two contacts open the same campaign e-mail within a day: the warm double-open pattern.
                var subject = OrgNames.Campaigns[random.Next(OrgNames.Campaigns.Length)];
                var at = Instant(0.5, 6);
                _signals.Add(new Signal(SignalKind.EmailOpen, at, contacts[0], subject));
                _signals.Add(new Signal(SignalKind.EmailOpen, Min(at.AddHours(random.Next(1, 20)), asOf), contacts[^1], subject));
            }

            // The owner's earlier outreach (answers no current handoff: all before today).
            AddTouches(Count(4 * Math.Max(a, 0.25)));
            _signals.Sort((x, y) => x.At.CompareTo(y.At));
            return _signals.ToImmutable();
        }

        private int Count(double mean)
        {
            // Poisson by inversion (small means only).
            var limit = Math.Exp(-mean);
            var k = 0;
            for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
            {
                k++;
            }

            return k;
        }

        private void Add(SignalKind kind, int count, double maxAgeDays, bool subject = false, double? strength = null)
        {
            for (var i = 0; i < count; i++)
            {
                var contact = contacts[random.Next(contacts.Length)];
                var title = subject ? OrgNames.Campaigns[random.Next(OrgNames.Campaigns.Length)] : null;
                var topic = kind == SignalKind.ThirdPartyIntent ? OrgNames.Topics[random.Next(OrgNames.Topics.Length)] : null;
                _signals.Add(new Signal(kind, Instant(0.02, maxAgeDays), contact, title, topic, strength is { } s ? Math.Round(s, 2) : null));
            }
        }

        private void AddTouches(int count)
        {
            for (var i = 0; i < count; i++)
            {
                _signals.Add(new Signal(SignalKind.SalesTouch, Instant(1.5, 80), Subject: "Call"));
            }
        }

        // A UTC instant between minAgeDays and maxAgeDays before asOf, whole minutes.
        private DateTimeOffset Instant(double minAgeDays, double maxAgeDays)
        {
            var ageMinutes = (int)((minAgeDays + (random.NextDouble() * (maxAgeDays - minAgeDays))) * 24 * 60);
            var at = asOf.AddMinutes(-ageMinutes);
            return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
        }

        private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x < y ? x : y;
    }
}
