using System.Collections.Immutable;
using System.Globalization;
using Alignment.Core.Accounts;
using Alignment.Core.Model;
using Alignment.Core.Scoring;
using Alignment.Core.Tiers;

namespace Alignment.Core.Calibration;

/// <summary>
/// Calibrates a model against closed opportunities (docs/calibration.md). Each closed opportunity's account is scored
/// with <see cref="PointInTimeScorer"/> as of the opportunity's creation; the report measures each dimension (ROC AUC
/// with a bootstrap interval), lift by decile, outcomes by tier and segment drift, suggests weights and thresholds,
/// and shows what the proposal would change over all accounts as of <c>asOf</c>. Pure and deterministic (seeded).
/// </summary>
public sealed class Calibrator
{
    private readonly AlignmentModel _model;
    private readonly CalibrationOptions _options;

    public Calibrator(AlignmentModel model, CalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Capacities.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        this._model = model;
        this._options = options;
    }

    /// <param name="accounts">Every account (the migration and diff run over all of them).</param>
    /// <param name="opportunities">The opportunities; open ones, unknown accounts and bad dates are skipped and counted.</param>
    /// <param name="asOf">The instant of the what-if (usually the snapshot's or now).</param>
    /// <param name="cancellationToken">Stops the work between accounts.</param>
    public CalibrationReport Run(IReadOnlyList<Account> accounts, IReadOnlyList<Opportunity> opportunities, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(opportunities);
        var byId = new Dictionary<string, Account>(accounts.Count, StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            byId.TryAdd(account.Id, account);
        }

        var skipped = Enum.GetValues<OpportunitySkipReason>().ToDictionary(r => r, _ => 0);
        var scorer = new PointInTimeScorer(_model);
        var scored = new List<ScoredOpportunity>(opportunities.Count);
        foreach (var opportunity in opportunities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!byId.TryGetValue(opportunity.AccountId, out var account))
            {
                skipped[OpportunitySkipReason.UnknownAccount]++;
            }
            else if (!opportunity.IsClosed)
            {
                skipped[OpportunitySkipReason.NotClosed]++;
            }
            else if (opportunity.ClosedAt < opportunity.CreatedAt)
            {
                skipped[OpportunitySkipReason.ClosedBeforeCreated]++;
            }
            else
            {
                scored.Add(new ScoredOpportunity(opportunity, account, scorer.Score(account, opportunity.CreatedAt)));
            }
        }

        var won = scored.Select(o => o.Won).ToArray();
        var dimensions = Enum.GetValues<CalibrationDimension>()
            .Select(d => scored.Select(o => o.Score.Of(d)).ToArray())
            .ToArray();
        var estimates = BootstrapAuc.Estimate(dimensions, won, _options.Resamples, _options.Seed, _options.Level);
        var (segments, rule) = new SegmentDriftDetector(_model, _options.MinimumSegmentOpportunities, _options.Level, _options.MaterialGap).Detect(scored);
        var proposal = Propose(accounts, scored, asOf, cancellationToken);
        var (migration, diff) = WhatIf(accounts, proposal.Model, asOf, cancellationToken);

        return new CalibrationReport
        {
            ModelVersion = _model.Version,
            AsOf = asOf.ToUniversalTime(),
            Accounts = accounts.Count,
            Opportunities = scored.Count,
            Won = won.Count(w => w),
            Skipped = skipped.ToImmutableDictionary(),
            Dimensions = estimates,
            Lift = LiftTable.Build(scored),
            Tiers = TierOutcomes.Build(scored),
            Segments = segments,
            SegmentRule = rule,
            Proposal = proposal,
            Migration = migration,
            FieldDiff = diff,
            Options = _options,
        };
    }

    private ModelProposal Propose(IReadOnlyList<Account> accounts, List<ScoredOpportunity> scored, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var weights = WeightSuggester.Suggest(scored, _model.Weights, _options.Folds, _options.Seed);
        var weighted = _model with { Weights = new ScoreWeights(weights.Fit / 100.0, weights.Intent / 100.0, weights.Engagement / 100.0) };
        var scorer = new AccountScorer(weighted);
        var counts = new long[RocAuc.MaxScore + 1];
        foreach (var account in accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            counts[scorer.Score(account, asOf).Score]++;
        }

        var thresholds = ThresholdFitter.Fit(counts, _options.Capacities);
        var proposed = weighted with
        {
            Version = BumpVersion(_model.Version),
            Tiers = _model.Tiers with { Tier1 = thresholds.Tier1, Tier2 = thresholds.Tier2, Tier3 = thresholds.Tier3 },
        };
        return new ModelProposal(weights, thresholds, _options.Capacities, proposed);
    }

    private (ImmutableArray<TierMigration> Migration, FieldDiff Diff) WhatIf(IReadOnlyList<Account> accounts, AlignmentModel proposed, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var currentScorer = new AccountScorer(_model);
        var proposedScorer = new AccountScorer(proposed);
        var currentTiers = new TierPolicy(_model.Tiers);
        var proposedTiers = new TierPolicy(proposed.Tiers);
        var matrix = new int[4, 4];
        int scoreChanges = 0, tierChanges = 0, changed = 0;
        var sample = ImmutableArray.CreateBuilder<FieldChange>();
        foreach (var account in accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = currentScorer.Score(account, asOf).Score;
            var after = proposedScorer.Score(account, asOf).Score;
            matrix[(int)currentTiers.TierOf(before), (int)proposedTiers.TierOf(after)]++;

            // What a scoring run writes: the tier after hysteresis and lock, from the account's current fields.
            var state = account.Current ?? AlignmentState.Empty;
            var tierBefore = currentTiers.Decide(before, state.Tier, state.TierLocked, asOf).Tier;
            var tierAfter = proposedTiers.Decide(after, state.Tier, state.TierLocked, asOf).Tier;
            var any = false;
            if (before != after)
            {
                scoreChanges++;
                any = true;
                Add(sample, new FieldChange(account.Id, "score", before.ToString(CultureInfo.InvariantCulture), after.ToString(CultureInfo.InvariantCulture)));
            }

            if (tierBefore != tierAfter)
            {
                tierChanges++;
                any = true;
                Add(sample, new FieldChange(account.Id, "tier", tierBefore.ToString(), tierAfter.ToString()));
            }

            changed += any ? 1 : 0;
        }

        var migration = ImmutableArray.CreateBuilder<TierMigration>(16);
        foreach (var from in TierOutcomes.Order)
        {
            foreach (var to in TierOutcomes.Order)
            {
                migration.Add(new TierMigration(from, to, matrix[(int)from, (int)to]));
            }
        }

        var fields = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, int>
        {
            ["score"] = scoreChanges,
            ["tier"] = tierChanges,
            ["modelVersion"] = accounts.Count,
        });
        return (migration.MoveToImmutable(), new FieldDiff(accounts.Count, changed, fields, sample.ToImmutable()));

        void Add(ImmutableArray<FieldChange>.Builder builder, FieldChange change)
        {
            if (builder.Count < _options.DiffSample)
            {
                builder.Add(change);
            }
        }
    }

    /// <summary>The next version: the last dot-separated number plus one (2026.11.0 → 2026.11.1), else ".1" appended.</summary>
    public static string BumpVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var dot = version.LastIndexOf('.');
        var tail = dot < 0 ? version : version[(dot + 1)..];
        return int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < int.MaxValue
            ? string.Concat(dot < 0 ? string.Empty : version[..(dot + 1)], (number + 1).ToString(CultureInfo.InvariantCulture))
            : version + ".1";
    }
}
